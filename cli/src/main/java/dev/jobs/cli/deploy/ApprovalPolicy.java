package dev.jobs.cli.deploy;

import java.util.List;

/** When {@code jobs deploy} asks before executing a change set ({@code --require-approval}). */
public enum ApprovalPolicy {
  NEVER("never"),
  ANY_CHANGE("any-change"),
  BROADENING("broadening");

  private final String option;

  ApprovalPolicy(String option) {
    this.option = option;
  }

  public static ApprovalPolicy fromOption(String value) {
    for (ApprovalPolicy policy : values()) {
      if (policy.option.equals(value)) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        "--require-approval must be never, any-change or broadening, not '" + value + "'");
  }

  public boolean requiresApproval(List<ResourceChange> changes) {
    return switch (this) {
      case NEVER -> false;
      case ANY_CHANGE -> !changes.isEmpty();
      case BROADENING -> changes.stream().anyMatch(ResourceChange::broadensSecurity);
    };
  }
}
