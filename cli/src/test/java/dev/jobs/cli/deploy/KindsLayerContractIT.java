package dev.jobs.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.kind.FlakyJob;
import dev.jobs.backend.kind.SleepJob;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stack parameters {@code jobs deploy --kinds} sets, against the template this build packs into
 * the CLI (so after {@code package}: an IT): both sides of the contract with infra.
 */
class KindsLayerContractIT {
  @Test
  void thePackagedStackTakesTheLayersKeyAsAParameter() {
    try (PackagedAssembly packaged = PackagedAssembly.packaged()) {
      assertThat(packaged.assembly().parameterNames())
          .contains(KindsLayerZip.PARAMETER, KindsLayerZip.TYPES_PARAMETER, "ProcessingPolicyArns");
    }
  }

  @Test
  void theStacksDefaultJobTypesAreTheBuiltInKinds() throws Exception {
    try (PackagedAssembly packaged = PackagedAssembly.packaged()) {
      JsonNode template =
          JsonMapper.builder().build().readTree(packaged.assembly().template().toFile());
      assertThat(
              template
                  .path("Parameters")
                  .path(KindsLayerZip.TYPES_PARAMETER)
                  .path("Default")
                  .asString())
          .isEqualTo(new SleepJob().name() + "," + new FlakyJob().name());
    }
  }
}
