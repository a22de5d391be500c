package io.sallyport.scim.schema;

import static io.sallyport.scim.schema.AttributeDef.complex;
import static io.sallyport.scim.schema.AttributeDef.of;
import static io.sallyport.scim.schema.AttributeType.REFERENCE;
import static io.sallyport.scim.schema.AttributeType.STRING;

import io.sallyport.scim.ResourceKind;
import java.util.List;

/**
 * The core Group schema, RFC 7643 §4.2 with §8.7.1's characteristics, except that
 * {@code displayName} is required and unique here: Entra matches groups on it and its validator
 * expects a duplicate create to be a 409.
 */
final class GroupSchema {

  private GroupSchema() {}

  static final SchemaDef SCHEMA = new SchemaDef(ResourceKind.GROUP.coreSchema(), "Group", "Group", List.of(
      of("displayName", STRING, "A human-readable name for the Group.").asRequired()
          .withUniqueness(Uniqueness.SERVER),
      complex("members", "A list of members of the Group.",
          of("value", STRING, "Identifier of the member of this Group.").withMutability(Mutability.IMMUTABLE),
          of("$ref", REFERENCE, "The URI corresponding to a SCIM resource that is a member of this Group.")
              .withReferenceTypes("User", "Group").withMutability(Mutability.IMMUTABLE),
          of("display", STRING, "A human-readable name, primarily used for display purposes.")
              .withMutability(Mutability.READ_ONLY),
          of("type", STRING, "A label indicating the type of resource, e.g., 'User' or 'Group'.")
              .withCanonicalValues("User", "Group").withMutability(Mutability.IMMUTABLE))
          .asMultiValued()));
}
