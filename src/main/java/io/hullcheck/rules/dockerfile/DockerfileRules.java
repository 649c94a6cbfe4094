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
        new BaseImageFull(),
        new HealthcheckMissing(),
        new UntrustedRegistry(),
        new AptGetNoInstallRecommends(),
        new AptGetMissingYes(),
        new AptListsNotCleaned(),
        new ApkNoCache(),
        new PipNoCacheDir(),
        new PackageCacheNotCleaned(),
        new YarnCacheNotCleaned(),
        new YumDnfZypperMissingYes(),
        new PackageUpgradeInImage(),
        new AptInsteadOfAptGet(),
        new UpdateAlone(),
        new SudoInRun(),
        new CurlPipeShell(),
        new TlsVerificationDisabled(),
        new PackageSignatureCheckDisabled(),
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
        new PlatformHardcoded(),
        new AddInsteadOfCopy(),
        new AddRemoteUrl(),
        new CmdShellForm(),
        new PipeWithoutPipefail(),
        new WgetAndCurl(),
        new PointlessCommand(),
        new CopyFromStageIndex(),
        new StageNameReserved(),
        new CopyWholeStage(),
        new UseraddNoLogInit(),
        new PasswordSetInRun(),
        new PlatformTargetRedundant(),
        new WorkdirSystemDir(),
        new EnvSelfReference(),
        new CopyRelativeDestination(),
        new ConsecutiveRun(),
        new CopyChown(),
        new UserNonNumeric(),
        new WgetProgress(),
        new SetuidBit(),
        new ShellSwitchedByLink(),
        new FromNotDigestPinned(),
        new InlineIgnorePragma());
  }
}
