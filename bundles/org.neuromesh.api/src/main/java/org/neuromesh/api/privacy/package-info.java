/**
 * Privacy: turning documents into text ({@link org.neuromesh.api.privacy.DocumentExtractor}) and masking what
 * identifies a person in it ({@link org.neuromesh.api.privacy.PrivacyMasker}) before anything is learned from it.
 *
 * <p>Package version 1.0.0.
 */
package org.neuromesh.api.privacy;
