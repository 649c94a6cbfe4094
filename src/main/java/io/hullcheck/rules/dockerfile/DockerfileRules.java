package io.hullcheck.rules.dockerfile;

import io.hullcheck.rules.DockerfileRule;
import java.util.List;

/** Every Dockerfile rule, listed explicitly. */
public final class DockerfileRules {
  private DockerfileRules() {}

  public static List<DockerfileRule> all() {
    return List.of(
        new UserRoot(),
        new ImageTag(),
        new DockerSocketVolume(),
        new SecretInBuildVariable(),
        new SecretLiteral(),
        new SecretFileCopied(),
        new BuildContextSecrets(),
        new ImageScanMissing(),
        new BaseImageFull(),
        new HealthcheckMissing(),
        new UntrustedRegistry(),
        new AptGetNoInstallRecommends(),
        new AptGetMissingYes(),
        new AptListsNotCleaned(),
        new ApkNoCache(),
        new PipNoCacheDir(),
        new AptInsteadOfAptGet(),
        new UpdateAlone(),
        new SudoInRun(),
        new CurlPipeShell(),
        new WorkdirRelative(),
        new RunCd(),
        new CopyMultipleSourcesDir(),
        new CopyFromUndefinedStage(),
        new CopyFromOwnStage(),
        new DuplicateStageAlias(),
        new MultipleCmd(),
        new MultipleEntrypoint(),
        new MultipleHealthcheck(),
        new MaintainerDeprecated(),
        new ExposeSsh(),
        new PortOutOfRange(),
        new PlatformHardcoded());
  }
}
