import type { Template } from '../template.js';
import { iamChangeTemplates } from './iam.js';
import { networkChangeTemplates } from './network.js';
import { opsChangeTemplates } from './ops.js';
import { peopleChangeTemplates } from './people.js';
import { storageChangeTemplates } from './storage.js';

/** Every routine change, in a fixed order (the order is part of a seed's output). */
export const changeTemplates: readonly Template[] = [
  ...peopleChangeTemplates,
  ...iamChangeTemplates,
  ...networkChangeTemplates,
  ...storageChangeTemplates,
  ...opsChangeTemplates,
];
