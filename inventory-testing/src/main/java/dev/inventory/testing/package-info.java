/**
 * The policy-testing kit: AssertJ assertions for cleanup policies ({@link
 * dev.inventory.testing.PolicyAssertions#assertThatPolicy(dev.inventory.query.Search)}), plans and
 * reports. Fixture inventories come from {@code dev.inventory.aws.Fixtures} (inventory-aws, brought
 * by this module); the loopback IAM/STS fake for tests with the real SDK clients is {@code
 * dev.inventory.aws.fake.FakeIam}.
 */
package dev.inventory.testing;
