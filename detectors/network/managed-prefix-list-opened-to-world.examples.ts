import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const LIST = 'pl-0f1e2d3c4b5a69788';

const entries = (cidrs: readonly string[]) =>
  cidrs.map((Cidr, i) => ({ Cidr, Description: `range ${i + 1}`, tag: i + 1 }));

/** CreateManagedPrefixList as EC2 logs it: the request wrapped, entries as `Entry` (one as an object). */
export const createPrefixList = (cidrs: readonly string[]) =>
  cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'CreateManagedPrefixList',
    userIdentity: identities.assumedRole('NetworkAdmin', 'dana'),
    requestParameters: {
      CreateManagedPrefixListRequest: {
        PrefixListName: 'partner-ranges',
        AddressFamily: 'IPv4',
        MaxEntries: 10,
        Entry: cidrs.length === 1 ? entries(cidrs)[0] : entries(cidrs),
        ClientToken: '6f0e2b1c-9a8b-4c7d-8e9f-0a1b2c3d4e5f',
      },
    },
    responseElements: {
      CreateManagedPrefixListResponse: {
        requestId: '2c3d4e5f-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
        prefixList: {
          prefixListId: LIST,
          addressFamily: 'IPv4',
          state: 'create-in-progress',
          prefixListArn: `arn:aws:ec2:us-east-1:${ACCOUNT}:prefix-list/${LIST}`,
          prefixListName: 'partner-ranges',
          maxEntries: 10,
          version: 1,
          ownerId: ACCOUNT,
        },
      },
    },
  });

/** ModifyManagedPrefixList: entries added under `AddEntry`, removed under `RemoveEntry`. */
export const modifyPrefixList = (add: readonly string[], remove: readonly string[] = []) =>
  cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'ModifyManagedPrefixList',
    userIdentity: identities.assumedRole('NetworkAdmin', 'dana'),
    requestParameters: {
      ModifyManagedPrefixListRequest: {
        PrefixListId: LIST,
        CurrentVersion: 2,
        ...(add.length > 0 ? { AddEntry: entries(add) } : {}),
        ...(remove.length > 0
          ? { RemoveEntry: remove.map((Cidr, i) => ({ Cidr, tag: i + 1 })) }
          : {}),
      },
    },
    responseElements: {
      ModifyManagedPrefixListResponse: {
        requestId: '3d4e5f6a-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
        prefixList: {
          prefixListId: LIST,
          state: 'modify-in-progress',
          version: 2,
          ownerId: ACCOUNT,
        },
      },
    },
  });

export const examples: DetectorExamples = {
  fire: [
    { name: '0.0.0.0/0 added to a prefix list', events: [modifyPrefixList(['0.0.0.0/0'])] },
    {
      name: 'evasion: a list created with the two halves of the internet',
      events: [createPrefixList(['0.0.0.0/1', '128.0.0.0/1'])],
    },
    {
      name: 'evasion: all of the IPv6 internet as 2000::/3',
      events: [createPrefixList(['2000::/3'])],
    },
    { name: 'a public /8 (low)', events: [modifyPrefixList(['52.0.0.0/8'])] },
  ],
  noFire: [
    {
      name: 'VPC ranges of our own',
      events: [createPrefixList(['10.0.0.0/16', '10.2.0.0/16'])],
    },
    {
      name: '0.0.0.0/0 removed and an office address added',
      events: [modifyPrefixList(['198.51.100.7/32'], ['0.0.0.0/0'])],
    },
    {
      name: 'refused',
      events: [failed(modifyPrefixList(['0.0.0.0/0']), 'Client.UnauthorizedOperation')],
    },
  ],
};
