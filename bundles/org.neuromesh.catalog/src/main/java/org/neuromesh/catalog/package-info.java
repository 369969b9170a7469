/** The live catalog of NeuroMesh providers behind {@link org.neuromesh.api.provider.ProviderCatalog}. */
package org.neuromesh.catalog;
