/**
 * Ledgers: the auditable record of who contributed what, and the credits that move for it.
 *
 * <p>Package version 1.0.0.
 */
package org.neuromesh.api.ledger;
