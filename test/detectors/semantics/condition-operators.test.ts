import { describe, expect, it } from 'vitest';
import { conditionHolds, parseOperator } from '../../../detectors/semantics/condition-operators.js';

/** One condition entry against one request, as the IAM policy reference describes evaluation. */
const holds = (operator: string, policy: string[], request?: string[]) =>
  conditionHolds(parseOperator(operator), policy, request);

describe('condition operators (IAM JSON policy reference)', () => {
  it('string operators: exact, case-insensitive and wildcard matching', () => {
    // The reference's aws:PrincipalTag/job-category = iamuser-admin example.
    expect(holds('StringEquals', ['iamuser-admin'], ['iamuser-admin'])).toBe(true);
    expect(holds('StringEquals', ['iamuser-admin'], ['IAMUSER-ADMIN'])).toBe(false);
    expect(holds('StringEqualsIgnoreCase', ['iamuser-admin'], ['IAMUSER-ADMIN'])).toBe(true);
    expect(holds('StringLike', ['home/*/reports/?.csv'], ['home/alice/reports/1.csv'])).toBe(true);
    expect(holds('StringEquals', ['a*'], ['abc'])).toBe(false);
  });

  it('a key absent from the request: positive false, negated true, IfExists true', () => {
    expect(holds('StringEquals', ['iamuser-admin'])).toBe(false);
    expect(holds('StringNotEquals', ['o-a1b2c3d4e5'])).toBe(true);
    expect(holds('ArnNotLike', ['arn:aws:iam::111122223333:*'])).toBe(true);
    expect(holds('StringLikeIfExists', ['t1.*'])).toBe(true);
    expect(holds('StringLikeIfExists', ['t1.*'], ['m5.large'])).toBe(false);
  });

  it('several values: OR for positive operators, NOR for negated ones', () => {
    expect(holds('StringEquals', ['a', 'b'], ['b'])).toBe(true);
    expect(holds('StringNotEquals', ['a', 'b'], ['b'])).toBe(false);
    expect(holds('StringNotEquals', ['a', 'b'], ['c'])).toBe(true);
  });

  it('set operators: ForAllValues true on an absent key, ForAnyValue false', () => {
    expect(holds('ForAllValues:StringEquals', ['o-a1b2c3d4e5'])).toBe(true);
    expect(holds('ForAllValues:StringEquals', ['o-a1b2c3d4e5'], [])).toBe(true);
    expect(holds('ForAnyValue:StringEquals', ['o-a1b2c3d4e5'])).toBe(false);
    // The reference's aws:TagKeys examples.
    expect(holds('ForAllValues:StringLike', ['key1*'], ['key1a', 'key1b'])).toBe(true);
    expect(holds('ForAllValues:StringLike', ['key1*'], ['key1a', 'other'])).toBe(false);
    expect(holds('ForAnyValue:StringEquals', ['a', 'b'], ['c', 'a'])).toBe(true);
    expect(holds('ForAnyValue:StringNotEquals', ['a'], ['a', 'c'])).toBe(true);
    expect(holds('ForAllValues:StringNotEquals', ['a'], ['a', 'c'])).toBe(false);
  });

  it('Null tests presence only', () => {
    expect(holds('Null', ['true'])).toBe(true);
    expect(holds('Null', ['true'], ['2026-11-20T09:00:00Z'])).toBe(false);
    expect(holds('Null', ['false'], ['x'])).toBe(true);
  });

  it('numeric, date and Bool operators', () => {
    expect(holds('NumericLessThanEquals', ['10'], ['10'])).toBe(true);
    expect(holds('NumericLessThanEquals', ['10'], ['11'])).toBe(false);
    expect(holds('NumericGreaterThanEquals', ['0'], ['444455556666'])).toBe(true);
    expect(holds('NumericEquals', ['10'], ['ten'])).toBe(false);
    expect(holds('DateGreaterThan', ['2020-01-01T00:00:00Z'], ['2026-11-20T09:00:00Z'])).toBe(true);
    expect(holds('DateLessThan', ['2020-01-01T00:00:00Z'], ['1577836799'])).toBe(true);
    expect(holds('Bool', ['true'], ['true'])).toBe(true);
    expect(holds('Bool', ['false'], ['true'])).toBe(false);
  });

  it('IP and ARN operators', () => {
    expect(holds('IpAddress', ['203.0.113.0/24'], ['203.0.113.9'])).toBe(true);
    expect(holds('NotIpAddress', ['203.0.113.0/24'], ['198.51.100.9'])).toBe(true);
    const trail = 'arn:aws:cloudtrail:*:111122223333:trail/*';
    expect(holds('ArnLike', [trail], ['arn:aws:cloudtrail:us-east-1:111122223333:trail/org'])).toBe(
      true,
    );
    expect(holds('ArnEquals', [trail], ['arn:aws:cloudtrail:us-east-1:444455556666:trail/x'])).toBe(
      false,
    );
    expect(holds('ArnLike', ['arn:aws:*:*:*:*'], ['arn:aws:s3:::bucket'])).toBe(true);
  });

  it('reads set qualifiers and IfExists in any case; unknown operators hold', () => {
    expect(parseOperator('forallvalues:stringlikeifexists')).toMatchObject({
      set: 'all',
      family: 'stringLike',
      ifExists: true,
    });
    expect(holds('StringSortOf', ['x'], ['y'])).toBe(true);
    expect(holds('SomeSet:StringEquals', ['x'], ['y'])).toBe(true);
  });
});
