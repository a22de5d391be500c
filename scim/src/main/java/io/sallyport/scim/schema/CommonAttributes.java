package io.sallyport.scim.schema;

import static io.sallyport.scim.schema.AttributeDef.complex;
import static io.sallyport.scim.schema.AttributeDef.of;
import static io.sallyport.scim.schema.AttributeType.DATE_TIME;
import static io.sallyport.scim.schema.AttributeType.REFERENCE;
import static io.sallyport.scim.schema.AttributeType.STRING;

import java.util.List;

/**
 * The attributes every resource has (RFC 7643 §3.1). They belong to no schema, so /Schemas does
 * not list them (as in §8.7.1), but filters, sorting and projection resolve them like any other.
 * {@code meta} is returned always here: clients use {@code meta.version} for If-Match even when
 * they narrow a response with {@code attributes}.
 */
final class CommonAttributes {

  private CommonAttributes() {}

  static final List<AttributeDef> ALL = List.of(
      of("id", STRING, "A unique identifier for a SCIM resource as defined by the service provider.")
          .asCaseExact().withMutability(Mutability.READ_ONLY).withReturned(Returned.ALWAYS)
          .withUniqueness(Uniqueness.SERVER),
      of("externalId", STRING, "A String that is an identifier for the resource as defined by the "
          + "provisioning client.").asCaseExact(),
      complex("meta", "A complex attribute containing resource metadata.",
          of("resourceType", STRING, "The name of the resource type of the resource.").asCaseExact()
              .withMutability(Mutability.READ_ONLY),
          of("created", DATE_TIME, "The DateTime that the resource was added to the service provider.")
              .withMutability(Mutability.READ_ONLY),
          of("lastModified", DATE_TIME, "The most recent DateTime that the details of this resource were "
              + "updated at the service provider.").withMutability(Mutability.READ_ONLY),
          of("location", REFERENCE, "The URI of the resource being returned.").asCaseExact()
              .withReferenceTypes("uri").withMutability(Mutability.READ_ONLY),
          of("version", STRING, "The version of the resource being returned.").asCaseExact()
              .withMutability(Mutability.READ_ONLY))
          .withMutability(Mutability.READ_ONLY).withReturned(Returned.ALWAYS));
}
