package io.sallyport.scim.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.scim.ResourceKind;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each filter against the fixtures; each row would flip if its rule (case, type, any-match, precedence) broke. */
class FilterEvaluationTest {

  @ParameterizedTest(name = "[{index}] {0}: {1} -> {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      # every operator on a caseExact=false string (userName)
      USER  | userName eq "bjensen@example.com"                          | true
      USER  | userName eq "BJENSEN@EXAMPLE.COM"                          | true
      USER  | USERNAME EQ "bjensen@example.com"                          | true
      USER  | userName Eq "nobody@example.com"                           | false
      USER  | userName ne "bjensen@example.com"                          | false
      USER  | userName ne "nobody@example.com"                           | true
      USER  | userName co "JENSEN"                                       | true
      USER  | userName co "smith"                                        | false
      USER  | userName sw "bjen"                                         | true
      USER  | userName sw "jensen"                                       | false
      USER  | userName ew "@EXAMPLE.com"                                 | true
      USER  | userName ew "@example.org"                                 | false
      USER  | userName gt "a"                                            | true
      USER  | userName gt "BZ"                                           | false
      USER  | userName ge "bjensen@example.com"                          | true
      USER  | userName lt "a"                                            | false
      USER  | userName lt "C"                                            | true
      USER  | userName le "BJENSEN@example.com"                          | true
      # caseExact=true: id, externalId, meta.resourceType; binary is always exact
      USER  | id eq "2819c223-7f76-453a-919d-413861904646"               | true
      USER  | id eq "2819C223-7F76-453A-919D-413861904646"               | false
      USER  | externalId eq "bjensen-ext"                                | true
      USER  | externalId eq "BJENSEN-EXT"                                | false
      USER  | externalId sw "BJ"                                         | false
      USER  | meta.resourceType eq "User"                                | true
      USER  | meta.resourceType eq "user"                                | false
      USER  | x509Certificates.value eq "MIIDQzCCAqy"                    | true
      USER  | x509Certificates.value eq "miidqzccaqy"                    | false
      # caseExact=false elsewhere, including unicode
      USER  | displayName eq "babs jensen"                               | true
      USER  | name.familyName eq "JENSEN"                                | true
      USER  | Name.GivenName sw "bar"                                    | true
      USER  | preferredLanguage eq "ΕΛΛΗΝΙΚΆ"                            | true
      USER  | displayName eq "Babs\\tJensen"                             | false
      USER  | userName eq "\\u0062jensen@example.com"                    | true
      USER  | title eq "Tour \\"Guide\\""                                | false
      # pr: present, not null, not empty
      USER  | title pr                                                   | true
      USER  | nickName pr                                                | false
      USER  | locale pr                                                  | false
      USER  | name pr                                                    | true
      USER  | name.middleName pr                                         | false
      USER  | emails pr                                                  | true
      USER  | ims pr                                                     | false
      USER  | phoneNumbers.value pr                                      | true
      USER  | groups pr                                                  | false
      USER  | meta.version PR                                            | true
      # literals: true/false/null
      USER  | active eq true                                             | true
      USER  | active eq false                                            | false
      USER  | active ne false                                            | true
      USER  | active eq TRUE                                             | true
      USER  | active eq "True"                                           | true
      USER  | title eq null                                              | false
      USER  | locale eq null                                             | true
      USER  | locale ne null                                             | false
      USER  | title ne null                                              | true
      USER  | locale ne "en"                                             | true
      USER  | locale eq "en"                                             | false
      # dateTime as instants
      USER  | meta.lastModified gt "2011-05-13T04:42:34Z"                | true
      USER  | meta.lastModified lt "2011-08-01T20:31:02.315Z"            | false
      USER  | meta.lastModified le "2011-08-01T20:31:02.315Z"            | true
      USER  | meta.lastModified eq "2011-08-01T22:31:02.315+02:00"       | true
      USER  | meta.created ge "2011-08-01T18:29:49.793Z"                 | true
      USER  | meta.created lt "2011-08-01T18:29:49"                      | false
      # multi-valued: any value matches
      USER  | emails.value co "@jensen.org"                              | true
      USER  | emails.value eq "babs@jensen.org"                          | true
      USER  | emails.type eq "mobile"                                    | false
      USER  | emails co "jensen.org"                                     | true
      USER  | emails.primary eq true                                     | true
      USER  | emails.value ne "babs@jensen.org"                          | false
      USER  | addresses.locality eq "hollywood"                          | true
      # value paths
      USER  | emails[type eq "work" and primary eq true]                 | true
      USER  | emails[type eq "home" and primary eq true]                 | false
      USER  | emails[value ew ".org" or primary eq true]                 | true
      USER  | emails[not (type eq "work")]                               | true
      USER  | emails[type eq "work"]                                     | true
      USER  | addresses[type eq "work" and postalCode sw "916"]          | true
      USER  | addresses[type eq "home"]                                  | false
      USER  | roles[primary eq "True"].value eq "admin"                  | true
      USER  | roles[primary eq true]                                     | true
      # Entra's forms
      USER  | userName eq "BJensen@example.com"                          | true
      USER  | externalId eq "bjensen-ext"                                | true
      USER  | emails[type eq "work"].value eq "bjensen@example.com"      | true
      USER  | emails[type eq "work"].value eq "babs@jensen.org"          | false
      USER  | emails[type eq "other"].Value eq "babs@jensen.org"         | false
      USER  | emails[Type eq "HOME"].Value eq "Babs@Jensen.org"          | true
      USER  | userName eq "8f2c1c3a-4a5c-4c5e-9e7e-0a3b5c7d9e1f"          | false
      GROUP | displayName eq "Tour Guides"                               | true
      GROUP | displayName eq "tour guides"                               | true
      GROUP | displayName eq "Tour Guide"                                | false
      # extension: URN prefix, legacy dot form, bare name, complex with value
      USER  | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "701984"        | true
      USER  | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.department eq "tour operations"   | true
      USER  | URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:EMPLOYEENUMBER eq "701984"        | true
      USER  | manager.value eq "26118915-6090-4610-87e4-49d8ca9f808d"    | true
      USER  | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager eq "26118915-6090-4610-87e4-49d8ca9f808d" | true
      USER  | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName co "smith"   | true
      USER  | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter pr                    | false
      USER  | urn:ietf:params:scim:schemas:core:2.0:User:userName eq "bjensen@example.com"                | true
      # precedence: not > and > or; parentheses
      USER  | title eq "Tour Guide" or userName eq "x" and active eq false    | true
      USER  | userName eq "x" and title eq "Tour Guide" or active eq true     | true
      USER  | not title eq "x" and active eq false                            | false
      USER  | not (title eq "x" and active eq false)                          | true
      USER  | (title eq "Tour Guide" or userName eq "x") and active eq false  | false
      USER  | ((userName eq "x"))                                             | false
      USER  | not (not (userName pr))                                         | true
      USER  | userName eq "x" or userName eq "y" or displayName co "babs"     | true
      USER  | userName pr and title pr and active eq true and emails pr       | true
      # injection-like values are only values
      USER  | userName eq "x\\" or \\"\\"=\\""                            | false
      USER  | userName eq "bjensen@example.com\\" or true"                 | false
      USER  | displayName eq "' OR 1=1 --"                                 | false
      # groups
      GROUP | members[value eq "902c246b-6245-4190-8e05-00816be7344a"]     | true
      GROUP | members.value eq "00000000-0000-0000-0000-000000000000"       | false
      GROUP | members pr                                                   | true
      GROUP | members.$ref pr                                              | false
      GROUP | externalId eq "EXT-G1"                                       | false
      GROUP | meta.lastModified eq "2011-05-13T04:42:34Z"                  | true
      """)
  void evaluates(ResourceKind kind, String filter, boolean expected) {
    JsonObject resource = kind == ResourceKind.USER ? Fixtures.user() : Fixtures.group();
    assertThat(Filter.parse(filter).matches(resource, kind)).isEqualTo(expected);
    // the compiled predicate is reusable and gives the same answer
    assertThat(Filter.parse(filter, kind).matcher(kind).test(resource)).isEqualTo(expected);
  }
}
