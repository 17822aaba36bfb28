import { BadQueryRequestError } from './query-errors.js';

/** The operators whose second argument is an XPath regular expression and whose last optional one is its flags. */
const FLAGS_POSITION: Readonly<Record<string, number>> = { regex: 2, replace: 3 };
const XPATH_FLAGS = /^[imsxq]*$/;

interface ExpressionNode {
  readonly type?: string;
  readonly subType?: string;
  readonly operator?: string;
  readonly args?: readonly ExpressionNode[];
  readonly term?: { readonly termType: string; readonly value: string };
}

/**
 * Refuses a query whose REGEX or REPLACE has a constant pattern or flags that cannot compile, before it
 * runs: Comunica would throw on every row, and the rejections of the rows after the first escape the query.
 * Walks the whole parsed algebra, so patterns inside subqueries, EXISTS and BIND are found too.
 */
export function checkConstantRegexes(operation: unknown): void {
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const expression = node as ExpressionNode;
    if (expression.type === 'expression' && expression.subType === 'operator' && expression.operator) {
      const flagsAt = FLAGS_POSITION[expression.operator.toLowerCase()];
      if (flagsAt !== undefined) checkCall(expression.operator.toUpperCase(), expression.args ?? [], flagsAt);
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(operation);
}

function checkCall(name: string, args: readonly ExpressionNode[], flagsAt: number): void {
  const pattern = constantString(args[1]);
  const flags = args.length > flagsAt ? constantString(args[flagsAt]) : '';
  if (flags !== undefined) {
    const duplicate = [...flags].find((flag, i) => flags.indexOf(flag) !== i);
    if (!XPATH_FLAGS.test(flags) || duplicate) {
      throw new BadQueryRequestError(
        `${name} has invalid flags "${flags}": use each of i, m, s, x and q at most once.`,
      );
    }
  }
  if (pattern === undefined || flags === undefined || flags.includes('q')) return;
  try {
    // As Comunica compiles it: Unicode mode, x drops whitespace outside character classes.
    new RegExp(flags.includes('x') ? withoutFreeSpacing(pattern) : pattern, `${flags.replace(/[qx]/g, '')}u`);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    throw new BadQueryRequestError(`${name} has an invalid regular expression "${pattern}": ${reason}.`);
  }
}

function constantString(node: ExpressionNode | undefined): string | undefined {
  return node?.subType === 'term' && node.term?.termType === 'Literal' ? node.term.value : undefined;
}

function withoutFreeSpacing(pattern: string): string {
  let inClass = false;
  let out = '';
  for (const c of pattern) {
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    if (inClass || !/[\t\n\r ]/.test(c)) out += c;
  }
  return out;
}
