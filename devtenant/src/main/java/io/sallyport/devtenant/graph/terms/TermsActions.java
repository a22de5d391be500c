package io.sallyport.devtenant.graph.terms;

import io.sallyport.devtenant.state.Acceptance;
import io.sallyport.devtenant.state.Agreement;
import io.sallyport.devtenant.state.TenantState;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Terms-of-use state changes, for the control API (Graph itself has no API to accept terms: users
 * accept them interactively at sign-in). One current record per user and agreement, id
 * {@code {agreementId}_{userId}}, as Graph's examples show; accepting again replaces it, with the
 * expiry the agreement's reacceptance settings give from now on the scenario clock.
 */
public final class TermsActions {

  private final TenantState state;

  public TermsActions(TenantState state) {
    this.state = state;
  }

  /** Records that the user accepted the agreement now. Throws NoSuchElementException for unknown ids. */
  public Acceptance accept(String agreementId, String userId) {
    return record(agreementId, userId, "accepted");
  }

  /** Records that the user declined the agreement now (declining blocks access; it never expires). */
  public Acceptance decline(String agreementId, String userId) {
    return record(agreementId, userId, "declined");
  }

  /** Forgets the user's acceptance of the agreement, as if never accepted; empty if there was none. */
  public Optional<Acceptance> remove(String agreementId, String userId) {
    return state.acceptances.remove(Acceptance.idFor(agreementId, userId));
  }

  private Acceptance record(String agreementId, String userId, String outcome) {
    Agreement agreement = state.agreements.find(agreementId)
        .orElseThrow(() -> new NoSuchElementException("no agreement " + agreementId));
    String user = state.users.find(userId).orElseThrow(() -> new NoSuchElementException("no user " + userId)).id();
    Instant now = state.clock().instant();
    Instant expiry = outcome.equals("accepted") ? agreement.expiryFor(now) : null;
    return state.acceptances.put(new Acceptance(Acceptance.idFor(agreement.id(), user), agreement.id(), user,
        agreement.fileId(), now, expiry, outcome));
  }
}
