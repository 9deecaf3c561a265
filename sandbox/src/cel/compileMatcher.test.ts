// What compiles as a matcher: cel-go's checks (declared identifiers, standard functions and
// macros with valid arity, length, nesting) done on @bufbuild/cel's parse tree.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AwsStsError } from '../errors';
import { compileMatcher, matcherProblem } from './compileMatcher';

const compiles = [
  '"admins" in claims["groups"]',
  'claims["sub"] == "user123" && !("act" in claims)',
  'has(claims.email)',
  'claims.groups.exists(g, g.startsWith("eng-"))',
  'claims.groups.all(g, g != "banned")',
  'claims.groups.exists_one(g, g == "x")',
  'claims.groups.filter(g, g.endsWith("-admin")).size() > 0',
  'claims.groups.map(g, g + "!").size() > 0',
  'size(claims.groups) > 1',
  'claims.email.matches("^.*@example\\\\.com$") || matches(claims.email, "x")',
  'type(claims.groups) == list',
  'int(claims.exp) > 0 && double(1) == 1.0 && string(1) == "1" && uint(1) == 1u',
  'claims.sub.contains("x")',
  'timestamp("2024-01-01T00:00:00Z").getFullYear() == 2024',
  'duration("1h") > duration("1m")',
  '{"a": 1}["a"] == 1 && [1, 2][0] == 1 && b"x" == b"x" && null == null',
  'claims.x ? true : false',
  '-1 < 0 && 7 % 2 == 1 && 4 / 2 == 2 && 2 * 2 - 1 == 3',
  'dyn(claims.level) >= 3',
  'claims["sub"]', // the result type is not checked at compile time
  `true${' '.repeat(9996)}`, // exactly 10,000 bytes
];

for (const expression of compiles) {
  test(`compiles: ${expression.trim().slice(0, 60)}`, () => {
    assert.equal(matcherProblem(expression), undefined);
  });
}

const rejected: { expression: string; problem: RegExp }[] = [
  {
    expression: 'undeclared_var == 1',
    problem: /^<input>:1:1: undeclared reference to 'undeclared_var'/,
  },
  {
    expression: 'foo(claims)',
    problem: /undeclared reference to 'foo' \(not a function of CEL's standard library\)/,
  },
  { expression: 'claims.sub.foo()', problem: /undeclared reference to 'foo'/ },
  { expression: 'has(claims)', problem: /has\(\) takes one field selection/ },
  { expression: 'claims.groups.all(g)', problem: /all\(\) is a macro/ },
  { expression: 'claims.all(k, v, v == 1)', problem: /all\(\) is a macro/ },
  { expression: 'size()', problem: /no matching overload for 'size'/ },
  { expression: 'claims.sub.startsWith()', problem: /no matching overload for 'startsWith'/ },
  {
    expression: 'startsWith(claims.sub, "a")',
    problem: /no matching overload for 'startsWith' called as startsWith/,
  },
  { expression: 'Foo{a: 1}', problem: /message construction Foo/ },
  {
    expression: 'claims.groups.exists(g, g == "a") && g == "b"',
    problem: /1:38: undeclared reference to 'g'/,
  },
  { expression: 'cel.bind(x, 1, x)', problem: /undeclared reference to 'bind'/ },
  { expression: 'claims.a &&\n  nope', problem: /<input>:2:3: undeclared reference to 'nope'/ },
  { expression: '"a" +', problem: /^syntax error: <input>:1:5/ },
  { expression: 'claims[', problem: /^syntax error: / },
  { expression: 'x'.repeat(10_001), problem: /^expression length 10001 exceeds maximum of 10000$/ },
  {
    expression: `"${'é'.repeat(5000)}"`,
    problem: /^expression length 10002 exceeds maximum of 10000$/,
  },
  {
    expression: `${'['.repeat(300)}${']'.repeat(300)} == []`,
    problem: /nests more than 250 levels/,
  },
  { expression: `${'('.repeat(3000)}true${')'.repeat(3000)}`, problem: /(nest|syntax)/ },
];

for (const c of rejected) {
  test(`rejected: ${c.expression.slice(0, 50)}`, () => {
    assert.match(matcherProblem(c.expression) ?? '(compiled)', c.problem);
    assert.throws(
      () => compileMatcher(c.expression),
      (e: unknown) =>
        e instanceof AwsStsError &&
        e.code === 'INVALID_MATCHER' &&
        e.message.startsWith('invalid CEL matcher expression: ')
    );
  });
}
