/**
 * Finding out which NeuroMesh providers are installed.
 *
 * <p>Every swappable part of NeuroMesh is an OSGi service registered under one of the interfaces listed in
 * {@link org.neuromesh.api.provider.ProviderKind}, carrying a service property that names it (for example
 * {@code neuromesh.learning.rule=eligibility}). Consumers select a provider with a target filter on that
 * property; when several match, the highest {@code service.ranking} is the default.
 *
 * <p>Package version 1.0.0. Minor versions add methods to {@code @ProviderType} interfaces only.
 */
package org.neuromesh.api.provider;
