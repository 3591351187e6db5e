package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.local.stack.LocalStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runtime.json}: what is written is read back, and what each missing field means. */
class RuntimeFileTest {
  @TempDir Path dir;

  private void file(String json) throws IOException {
    Files.writeString(dir.resolve(RuntimeFile.NAME), json);
  }

  @Test
  void written_readsBackTheSame() throws IOException {
    RuntimeFile written =
        new RuntimeFile("http://127.0.0.1:4599", "eu-west-1", "key", "secret", 42, "stack");

    written.write(dir);

    assertThat(RuntimeFile.readChecked(dir)).contains(written);
    assertThat(RuntimeFile.read(dir)).contains(written);
    assertThat(dir.resolve(RuntimeFile.NAME + ".tmp")).doesNotExist();
  }

  @Test
  void written_isIndentedJsonWithOneFieldALine() throws IOException {
    new RuntimeFile(
            "http://127.0.0.1:4599",
            "us-east-1",
            "test",
            "test",
            7,
            "jobs-local",
            List.of("sleep", "flaky"))
        .write(dir);

    assertThat(Files.readString(dir.resolve(RuntimeFile.NAME)))
        .isEqualTo(
            """
            {
              "endpoint" : "http://127.0.0.1:4599",
              "region" : "us-east-1",
              "accessKeyId" : "test",
              "secretAccessKey" : "test",
              "pid" : 7,
              "stackName" : "jobs-local",
              "kinds" : [ "sleep", "flaky" ]
            }
            """);
  }

  @Test
  void theServedKinds_readBackInTheirOrder() {
    RuntimeFile written =
        new RuntimeFile("http://127.0.0.1:1", "r", "a", "s", 3, "n", List.of("sleep", "echo"));
    written.write(dir);

    assertThat(RuntimeFile.read(dir).orElseThrow().kinds()).containsExactly("sleep", "echo");
  }

  @Test
  void aCompactFile_withUnknownFields_reads() throws IOException {
    file(
        "{\"future\":{\"nested\":[1,2]},\"endpoint\":\"http://127.0.0.1:1\",\"region\":\"r\","
            + "\"accessKeyId\":\"a\",\"secretAccessKey\":\"s\",\"pid\":\"12\",\"stackName\":\"n\"}");

    assertThat(RuntimeFile.readChecked(dir))
        .contains(new RuntimeFile("http://127.0.0.1:1", "r", "a", "s", 12, "n"));
  }

  @Test
  void missingRegionAndStackName_areTheRuntimesDefaults() throws IOException {
    file(
        "{\"endpoint\":\"http://127.0.0.1:1\",\"region\":null,\"accessKeyId\":\"a\","
            + "\"secretAccessKey\":\"s\",\"pid\":3}");

    RuntimeFile read = RuntimeFile.readChecked(dir).orElseThrow();

    assertThat(read.region()).isEqualTo(RuntimeOptions.DEFAULT_REGION);
    assertThat(read.stackName()).isEqualTo(LocalStack.DEFAULT_STACK_NAME);
  }

  @Test
  void noFile_isEmpty() throws IOException {
    assertThat(RuntimeFile.readChecked(dir)).isEmpty();
    assertThat(RuntimeFile.read(dir)).isEmpty();
  }

  @Test
  void notJson_failsChecked_andIsEmptyOtherwise() throws IOException {
    file("{not json");

    assertReadCheckedFails(" is not valid JSON");
    assertThat(RuntimeFile.read(dir)).isEmpty();
  }

  @Test
  void withoutEndpointKeysOrPid_failsNamingWhatIsMissing() throws IOException {
    file("{\"accessKeyId\":\"a\",\"region\":\"r\"}");

    assertReadCheckedFails(" lacks the endpoint, the operator keys, the process id");
  }

  /** Asserts that {@code readChecked} fails with the file's path and then {@code problem}. */
  private void assertReadCheckedFails(String problem) {
    assertThatThrownBy(() -> RuntimeFile.readChecked(dir))
        .isInstanceOf(IOException.class)
        .hasMessage(dir.resolve(RuntimeFile.NAME) + problem);
  }

  @Test
  void removeIfOwned_removesOnlyTheNamedProcesssFile() throws IOException {
    new RuntimeFile("http://127.0.0.1:1", "r", "a", "s", 5, "n").write(dir);

    RuntimeFile.removeIfOwned(dir, 6);
    assertThat(RuntimeFile.read(dir)).isPresent();

    RuntimeFile.removeIfOwned(dir, 5);
    assertThat(RuntimeFile.read(dir)).isEmpty();
  }
}
