/**
 * MITRE ATT&CK (Enterprise, IaaS) techniques that detectors cite, with the
 * tactics each belongs to, for the coverage table in docs/detectors.md. A test
 * fails when a built-in detector cites a technique missing here: add it, with
 * its name and tactics from https://attack.mitre.org/techniques/<id>/.
 */

/** ATT&CK tactics in kill-chain order, as attack.mitre.org lists them. */
export const TACTICS = [
  { id: 'TA0043', name: 'Reconnaissance' },
  { id: 'TA0042', name: 'Resource Development' },
  { id: 'TA0001', name: 'Initial Access' },
  { id: 'TA0002', name: 'Execution' },
  { id: 'TA0003', name: 'Persistence' },
  { id: 'TA0004', name: 'Privilege Escalation' },
  { id: 'TA0005', name: 'Defense Evasion' },
  { id: 'TA0006', name: 'Credential Access' },
  { id: 'TA0007', name: 'Discovery' },
  { id: 'TA0008', name: 'Lateral Movement' },
  { id: 'TA0009', name: 'Collection' },
  { id: 'TA0011', name: 'Command and Control' },
  { id: 'TA0010', name: 'Exfiltration' },
  { id: 'TA0040', name: 'Impact' },
] as const;

export type Tactic = (typeof TACTICS)[number]['name'];

export interface Technique {
  readonly name: string;
  readonly tactics: readonly Tactic[];
}

const ACCOUNT_USE: readonly Tactic[] = [
  'Initial Access',
  'Persistence',
  'Privilege Escalation',
  'Defense Evasion',
];
const PERSIST_AND_ESCALATE: readonly Tactic[] = ['Persistence', 'Privilege Escalation'];
const AUTH_CHANGE: readonly Tactic[] = ['Credential Access', 'Defense Evasion', 'Persistence'];
const ELEVATION: readonly Tactic[] = ['Privilege Escalation', 'Defense Evasion'];

/** Technique id to name and tactics. Sub-techniques are listed in full. */
export const TECHNIQUES: Readonly<Record<string, Technique>> = {
  T1020: { name: 'Automated Exfiltration', tactics: ['Exfiltration'] },
  T1021: { name: 'Remote Services', tactics: ['Lateral Movement'] },
  'T1021.004': { name: 'Remote Services: SSH', tactics: ['Lateral Movement'] },
  'T1021.007': { name: 'Remote Services: Cloud Services', tactics: ['Lateral Movement'] },
  'T1021.008': {
    name: 'Remote Services: Direct Cloud VM Connections',
    tactics: ['Lateral Movement'],
  },
  T1037: { name: 'Boot or Logon Initialization Scripts', tactics: PERSIST_AND_ESCALATE },
  T1040: { name: 'Network Sniffing', tactics: ['Credential Access', 'Discovery'] },
  T1046: { name: 'Network Service Discovery', tactics: ['Discovery'] },
  T1048: { name: 'Exfiltration Over Alternative Protocol', tactics: ['Exfiltration'] },
  T1059: { name: 'Command and Scripting Interpreter', tactics: ['Execution'] },
  'T1059.009': { name: 'Command and Scripting Interpreter: Cloud API', tactics: ['Execution'] },
  T1069: { name: 'Permission Groups Discovery', tactics: ['Discovery'] },
  'T1069.003': { name: 'Permission Groups Discovery: Cloud Groups', tactics: ['Discovery'] },
  T1070: { name: 'Indicator Removal', tactics: ['Defense Evasion'] },
  T1078: { name: 'Valid Accounts', tactics: ACCOUNT_USE },
  'T1078.001': { name: 'Valid Accounts: Default Accounts', tactics: ACCOUNT_USE },
  'T1078.004': { name: 'Valid Accounts: Cloud Accounts', tactics: ACCOUNT_USE },
  T1087: { name: 'Account Discovery', tactics: ['Discovery'] },
  'T1087.004': { name: 'Account Discovery: Cloud Account', tactics: ['Discovery'] },
  T1090: { name: 'Proxy', tactics: ['Command and Control'] },
  T1098: { name: 'Account Manipulation', tactics: PERSIST_AND_ESCALATE },
  'T1098.001': {
    name: 'Account Manipulation: Additional Cloud Credentials',
    tactics: PERSIST_AND_ESCALATE,
  },
  'T1098.003': {
    name: 'Account Manipulation: Additional Cloud Roles',
    tactics: PERSIST_AND_ESCALATE,
  },
  'T1098.004': { name: 'Account Manipulation: SSH Authorized Keys', tactics: PERSIST_AND_ESCALATE },
  'T1098.006': {
    name: 'Account Manipulation: Additional Container Cluster Roles',
    tactics: PERSIST_AND_ESCALATE,
  },
  T1110: { name: 'Brute Force', tactics: ['Credential Access'] },
  'T1110.001': { name: 'Brute Force: Password Guessing', tactics: ['Credential Access'] },
  'T1110.003': { name: 'Brute Force: Password Spraying', tactics: ['Credential Access'] },
  'T1110.004': { name: 'Brute Force: Credential Stuffing', tactics: ['Credential Access'] },
  T1114: { name: 'Email Collection', tactics: ['Collection'] },
  'T1114.003': { name: 'Email Collection: Email Forwarding Rule', tactics: ['Collection'] },
  T1119: { name: 'Automated Collection', tactics: ['Collection'] },
  T1133: { name: 'External Remote Services', tactics: ['Initial Access', 'Persistence'] },
  T1136: { name: 'Create Account', tactics: ['Persistence'] },
  'T1136.003': { name: 'Create Account: Cloud Account', tactics: ['Persistence'] },
  T1190: { name: 'Exploit Public-Facing Application', tactics: ['Initial Access'] },
  T1199: { name: 'Trusted Relationship', tactics: ['Initial Access'] },
  T1201: { name: 'Password Policy Discovery', tactics: ['Discovery'] },
  T1204: { name: 'User Execution', tactics: ['Execution'] },
  T1213: { name: 'Data from Information Repositories', tactics: ['Collection'] },
  T1484: { name: 'Domain or Tenant Policy Modification', tactics: ELEVATION },
  'T1484.002': {
    name: 'Domain or Tenant Policy Modification: Trust Modification',
    tactics: ELEVATION,
  },
  T1485: { name: 'Data Destruction', tactics: ['Impact'] },
  T1486: { name: 'Data Encrypted for Impact', tactics: ['Impact'] },
  T1490: { name: 'Inhibit System Recovery', tactics: ['Impact'] },
  T1496: { name: 'Resource Hijacking', tactics: ['Impact'] },
  T1498: { name: 'Network Denial of Service', tactics: ['Impact'] },
  T1499: { name: 'Endpoint Denial of Service', tactics: ['Impact'] },
  T1525: { name: 'Implant Internal Image', tactics: ['Persistence'] },
  T1526: { name: 'Cloud Service Discovery', tactics: ['Discovery'] },
  T1528: { name: 'Steal Application Access Token', tactics: ['Credential Access'] },
  T1530: { name: 'Data from Cloud Storage', tactics: ['Collection'] },
  T1531: { name: 'Account Access Removal', tactics: ['Impact'] },
  T1535: { name: 'Unused/Unsupported Cloud Regions', tactics: ['Defense Evasion'] },
  T1537: { name: 'Transfer Data to Cloud Account', tactics: ['Exfiltration'] },
  T1538: { name: 'Cloud Service Dashboard', tactics: ['Discovery'] },
  T1548: { name: 'Abuse Elevation Control Mechanism', tactics: ELEVATION },
  'T1548.005': {
    name: 'Abuse Elevation Control Mechanism: Temporary Elevated Cloud Access',
    tactics: ELEVATION,
  },
  T1550: {
    name: 'Use Alternate Authentication Material',
    tactics: ['Defense Evasion', 'Lateral Movement'],
  },
  'T1550.001': {
    name: 'Use Alternate Authentication Material: Application Access Token',
    tactics: ['Defense Evasion', 'Lateral Movement'],
  },
  T1552: { name: 'Unsecured Credentials', tactics: ['Credential Access'] },
  'T1552.001': {
    name: 'Unsecured Credentials: Credentials In Files',
    tactics: ['Credential Access'],
  },
  'T1552.005': {
    name: 'Unsecured Credentials: Cloud Instance Metadata API',
    tactics: ['Credential Access'],
  },
  T1555: { name: 'Credentials from Password Stores', tactics: ['Credential Access'] },
  'T1555.006': {
    name: 'Credentials from Password Stores: Cloud Secrets Management Stores',
    tactics: ['Credential Access'],
  },
  T1556: { name: 'Modify Authentication Process', tactics: AUTH_CHANGE },
  'T1556.006': {
    name: 'Modify Authentication Process: Multi-Factor Authentication',
    tactics: AUTH_CHANGE,
  },
  'T1556.007': { name: 'Modify Authentication Process: Hybrid Identity', tactics: AUTH_CHANGE },
  'T1556.009': {
    name: 'Modify Authentication Process: Conditional Access Policies',
    tactics: AUTH_CHANGE,
  },
  T1562: { name: 'Impair Defenses', tactics: ['Defense Evasion'] },
  'T1562.001': { name: 'Impair Defenses: Disable or Modify Tools', tactics: ['Defense Evasion'] },
  'T1562.007': {
    name: 'Impair Defenses: Disable or Modify Cloud Firewall',
    tactics: ['Defense Evasion'],
  },
  'T1562.008': {
    name: 'Impair Defenses: Disable or Modify Cloud Logs',
    tactics: ['Defense Evasion'],
  },
  T1565: { name: 'Data Manipulation', tactics: ['Impact'] },
  T1566: { name: 'Phishing', tactics: ['Initial Access'] },
  T1567: { name: 'Exfiltration Over Web Service', tactics: ['Exfiltration'] },
  T1578: { name: 'Modify Cloud Compute Infrastructure', tactics: ['Defense Evasion'] },
  'T1578.001': {
    name: 'Modify Cloud Compute Infrastructure: Create Snapshot',
    tactics: ['Defense Evasion'],
  },
  'T1578.002': {
    name: 'Modify Cloud Compute Infrastructure: Create Cloud Instance',
    tactics: ['Defense Evasion'],
  },
  'T1578.003': {
    name: 'Modify Cloud Compute Infrastructure: Delete Cloud Instance',
    tactics: ['Defense Evasion'],
  },
  'T1578.005': {
    name: 'Modify Cloud Compute Infrastructure: Modify Cloud Compute Configurations',
    tactics: ['Defense Evasion'],
  },
  T1580: { name: 'Cloud Infrastructure Discovery', tactics: ['Discovery'] },
  T1583: { name: 'Acquire Infrastructure', tactics: ['Resource Development'] },
  T1584: { name: 'Compromise Infrastructure', tactics: ['Resource Development'] },
  'T1584.001': { name: 'Compromise Infrastructure: Domains', tactics: ['Resource Development'] },
  T1606: { name: 'Forge Web Credentials', tactics: ['Credential Access'] },
  T1609: { name: 'Container Administration Command', tactics: ['Execution'] },
  T1610: { name: 'Deploy Container', tactics: ['Defense Evasion', 'Execution'] },
  T1611: { name: 'Escape to Host', tactics: ['Privilege Escalation'] },
  T1613: { name: 'Container and Resource Discovery', tactics: ['Discovery'] },
  T1619: { name: 'Cloud Storage Object Discovery', tactics: ['Discovery'] },
  T1621: { name: 'Multi-Factor Authentication Request Generation', tactics: ['Credential Access'] },
  T1648: { name: 'Serverless Execution', tactics: ['Execution'] },
  T1651: { name: 'Cloud Administration Command', tactics: ['Execution'] },
  T1657: { name: 'Financial Theft', tactics: ['Impact'] },
  T1666: { name: 'Modify Cloud Resource Hierarchy', tactics: ['Defense Evasion'] },
};

/** The technique's entry, or undefined when the table does not know it. */
export function techniqueOf(id: string): Technique | undefined {
  return Object.hasOwn(TECHNIQUES, id) ? TECHNIQUES[id] : undefined;
}
