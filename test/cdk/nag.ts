import { Validations, type App, type Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** The AwsSolutions findings cdk-nag reports on a stack (those not acknowledged): `severity rule path`. */
export function nagFindings(app: App, stack: Stack): string[] {
  const report = new AwsSolutionsChecks(app).validateScope(stack);
  return report.violations.flatMap((v) =>
    v.violatingResources.map((r) => `${v.severity} ${v.ruleName} ${(r as { constructPath?: string }).constructPath}`),
  );
}

/** Every acknowledgment made in the construct tree: rule id → reason. */
export function acknowledgments(root: IConstruct): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (c: IConstruct) => {
    for (const entry of c.node.metadata)
      if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        for (const [id, reason] of Object.entries(entry.data as Record<string, string>))
          found.set(id.replace(/^annotation::/i, ''), reason);
    for (const child of c.node.children) walk(child);
  };
  walk(root);
  return found;
}
