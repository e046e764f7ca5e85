import type AxeBuilder from '@axe-core/playwright';

type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

/** Serious and critical axe findings, one line each, so a failure says what is wrong. */
export function serious(violations: Violations): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function seriousViolations(builder: AxeBuilder): Promise<string[]> {
  return serious((await builder.analyze()).violations);
}
