package dev.jobs.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class OutputsFileTest {
  @TempDir Path dir;

  @Test
  void theOutputsFileHoldsTheStacksOutputsUnderItsName() throws Exception {
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("ApiUrl", "https://abc.execute-api.us-east-1.amazonaws.com/prod/");
    outputs.put("InvokeRoleArn", "arn:aws:iam::123456789012:role/JobsAPIInvokeRole");
    Path file = dir.resolve("out/outputs.json");

    OutputsFile.write(file, "jobs", outputs);

    var json = JsonMapper.builder().build().readTree(Files.readString(file));
    assertThat(json.propertyNames()).containsExactly("jobs");
    assertThat(json.get("jobs").get("ApiUrl").asString())
        .isEqualTo("https://abc.execute-api.us-east-1.amazonaws.com/prod/");
    assertThat(json.get("jobs").get("InvokeRoleArn").asString())
        .isEqualTo("arn:aws:iam::123456789012:role/JobsAPIInvokeRole");
    assertThat(json.get("jobs").size()).isEqualTo(2);
  }
}
