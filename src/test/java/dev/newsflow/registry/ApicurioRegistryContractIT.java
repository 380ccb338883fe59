package dev.newsflow.registry;

/** The registry contract against a real Apicurio Registry 2.6 through its Confluent API. */
class ApicurioRegistryContractIT extends SchemaRegistryContract {

    @Override
    protected String registryUrl() {
        return ApicurioRegistry.shared().url();
    }
}
