package io.sallyport.scim.schema;

import static io.sallyport.scim.schema.AttributeDef.complex;
import static io.sallyport.scim.schema.AttributeDef.of;
import static io.sallyport.scim.schema.AttributeType.REFERENCE;
import static io.sallyport.scim.schema.AttributeType.STRING;

import io.sallyport.scim.ResourceKind;
import java.util.List;

/** The enterprise User extension, RFC 7643 §4.3 with the characteristics of §8.7.1. */
final class EnterpriseUserSchema {

  private EnterpriseUserSchema() {}

  static final SchemaDef SCHEMA = new SchemaDef(ResourceKind.ENTERPRISE_USER, "EnterpriseUser",
      "Enterprise User", List.of(
          of("employeeNumber", STRING, "Numeric or alphanumeric identifier assigned to a person, typically "
              + "based on order of hire or association with an organization."),
          of("costCenter", STRING, "Identifies the name of a cost center."),
          of("organization", STRING, "Identifies the name of an organization."),
          of("division", STRING, "Identifies the name of a division."),
          of("department", STRING, "Identifies the name of a department."),
          complex("manager", "The User's manager.",
              of("value", STRING, "The id of the SCIM resource representing the User's manager."),
              of("$ref", REFERENCE, "The URI of the SCIM resource representing the User's manager.")
                  .withReferenceTypes("User"),
              of("displayName", STRING, "The displayName of the User's manager.")
                  .withMutability(Mutability.READ_ONLY))));
}
