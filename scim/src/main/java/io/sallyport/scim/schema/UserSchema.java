package io.sallyport.scim.schema;

import static io.sallyport.scim.schema.AttributeDef.complex;
import static io.sallyport.scim.schema.AttributeDef.of;
import static io.sallyport.scim.schema.AttributeType.BINARY;
import static io.sallyport.scim.schema.AttributeType.BOOLEAN;
import static io.sallyport.scim.schema.AttributeType.REFERENCE;
import static io.sallyport.scim.schema.AttributeType.STRING;

import io.sallyport.scim.ResourceKind;
import java.util.List;

/** The core User schema, RFC 7643 §4.1 with the characteristics of §8.7.1. */
final class UserSchema {

  private UserSchema() {}

  static final SchemaDef SCHEMA = new SchemaDef(ResourceKind.USER.coreSchema(), "User", "User Account", List.of(
      of("userName", STRING, "Unique identifier for the User, typically used by the user to directly "
          + "authenticate to the service provider.").asRequired().withUniqueness(Uniqueness.SERVER),
      complex("name", "The components of the user's real name.",
          of("formatted", STRING, "The full name, including all middle names, titles, and suffixes as "
              + "appropriate, formatted for display."),
          of("familyName", STRING, "The family name of the User, or last name."),
          of("givenName", STRING, "The given name of the User, or first name."),
          of("middleName", STRING, "The middle name(s) of the User."),
          of("honorificPrefix", STRING, "The honorific prefix(es) of the User, or title."),
          of("honorificSuffix", STRING, "The honorific suffix(es) of the User, or suffix.")),
      of("displayName", STRING, "The name of the User, suitable for display to end-users."),
      of("nickName", STRING, "The casual way to address the user in real life."),
      of("profileUrl", REFERENCE, "A fully qualified URL pointing to a page representing the User's "
          + "online profile.").withReferenceTypes("external"),
      of("title", STRING, "The user's title, such as \"Vice President.\""),
      of("userType", STRING, "Used to identify the relationship between the organization and the user."),
      of("preferredLanguage", STRING, "Indicates the User's preferred written or spoken language."),
      of("locale", STRING, "Used to indicate the User's default location for purposes of localizing items "
          + "such as currency, date time format, or numerical representations."),
      of("timezone", STRING, "The User's time zone in the 'Olson' time zone database format."),
      of("active", BOOLEAN, "A Boolean value indicating the User's administrative status."),
      of("password", STRING, "The User's cleartext password, write-only.")
          .withMutability(Mutability.WRITE_ONLY).withReturned(Returned.NEVER),
      plural("emails", "Email addresses for the user.", STRING, "work", "home", "other"),
      plural("phoneNumbers", "Phone numbers for the User.", STRING,
          "work", "home", "mobile", "fax", "pager", "other"),
      plural("ims", "Instant messaging addresses for the User.", STRING,
          "aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"),
      plural("photos", "URLs of photos of the User.", REFERENCE, "photo", "thumbnail"),
      complex("addresses", "A physical mailing address for this User.",
          of("formatted", STRING, "The full mailing address, formatted for display."),
          of("streetAddress", STRING, "The full street address component."),
          of("locality", STRING, "The city or locality component."),
          of("region", STRING, "The state or region component."),
          of("postalCode", STRING, "The zip code or postal code component."),
          of("country", STRING, "The country name component."),
          of("type", STRING, "A label indicating the attribute's function.").withCanonicalValues("work", "home", "other"),
          of("primary", BOOLEAN, "Indicates the primary address.")).asMultiValued(),
      complex("groups", "A list of groups to which the user belongs, either through direct membership or "
              + "through nested groups.",
          of("value", STRING, "The identifier of the User's group.").withMutability(Mutability.READ_ONLY),
          of("$ref", REFERENCE, "The URI of the corresponding 'Group' resource.")
              .withReferenceTypes("User", "Group").withMutability(Mutability.READ_ONLY),
          of("display", STRING, "A human-readable name, primarily used for display purposes.")
              .withMutability(Mutability.READ_ONLY),
          of("type", STRING, "A label indicating the attribute's function, e.g., 'direct' or 'indirect'.")
              .withCanonicalValues("direct", "indirect").withMutability(Mutability.READ_ONLY))
          .asMultiValued().withMutability(Mutability.READ_ONLY),
      plural("entitlements", "A list of entitlements for the User.", STRING),
      plural("roles", "A list of roles for the User.", STRING),
      plural("x509Certificates", "A list of certificates issued to the User.", BINARY)));

  /** The value/display/type/primary shape RFC 7643 §2.4 gives most multi-valued attributes. */
  private static AttributeDef plural(String name, String description, AttributeType valueType,
      String... canonicalTypes) {
    AttributeDef value = of("value", valueType, "The value of " + name + ".");
    if (valueType == REFERENCE) {
      value = value.withReferenceTypes("external");
    }
    return complex(name, description, value,
        of("display", STRING, "A human-readable name, primarily used for display purposes."),
        of("type", STRING, "A label indicating the attribute's function.").withCanonicalValues(canonicalTypes),
        of("primary", BOOLEAN, "A Boolean value indicating the 'primary' or preferred attribute value."))
        .asMultiValued();
  }
}
