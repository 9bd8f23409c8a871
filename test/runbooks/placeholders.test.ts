import { describe, expect, it } from 'vitest';
import { fillCommand, placeholderValues } from '../../runbooks/placeholders.js';

describe('placeholderValues', () => {
  it('fills valid alert values and derives user and role names', () => {
    expect(
      placeholderValues({ principal: 'arn:aws:iam::111122223333:user/ops/alice', bucket: 'acme' }),
    ).toEqual({
      principal: 'arn:aws:iam::111122223333:user/ops/alice',
      userName: 'alice',
      bucket: 'acme',
    });
    expect(
      placeholderValues({ principal: 'arn:aws:sts::111122223333:assumed-role/Admin/alice' })
        .roleName,
    ).toBe('Admin');
  });

  it('drops values that fail their pattern or would need shell quoting', () => {
    expect(
      placeholderValues({
        bucket: "x'; rm -rf /",
        sourceIp: 'AWS Internal',
        account: 42 as unknown as string,
      }),
    ).toEqual({});
  });
});

describe('fillCommand', () => {
  it('fills known values and shows the rest as <name>', () => {
    const command = 'aws s3api get-bucket-acl --bucket {bucket} --expected-bucket-owner {account}';
    expect(fillCommand(command, { bucket: 'acme' })).toBe(
      'aws s3api get-bucket-acl --bucket acme --expected-bucket-owner <account>',
    );
  });
});
