/**
 * The accounts GuardDuty Malware Protection shares EBS snapshots with while it
 * scans a volume, one per Region, from
 * https://docs.aws.amazon.com/guardduty/latest/ug/gdu-service-account-region-list.html.
 * A ModifySnapshotAttribute that adds one of them is GuardDuty at work, not
 * exfiltration: the snapshot stays with AWS.
 */
export const GUARDDUTY_SERVICE_ACCOUNTS: ReadonlySet<string> = new Set([
  '652050842985', // us-east-1
  '178123968615', // us-east-2
  '669213148797', // us-west-1
  '447226417196', // us-west-2
  '913179291432', // ap-south-1
  '089661699081', // ap-northeast-3
  '039163547507', // ap-northeast-2
  '874749492622', // ap-northeast-1
  '247460962669', // ap-southeast-1
  '124839743349', // ap-southeast-2
  '175877067165', // ca-central-1
  '894794104037', // ca-west-1
  '002294850712', // eu-central-1
  '283769539786', // eu-west-1
  '310125036783', // eu-west-2
  '866607715269', // eu-west-3
  '693780578038', // eu-north-1
  '448721096076', // cn-north-1
  '480864352451', // cn-northwest-1
  '546914126324', // sa-east-1
  '682251015962', // ap-south-2
  '353488359550', // ap-southeast-4
  '009160069308', // ap-southeast-5
  '941377115582', // ap-southeast-7
  '936182149045', // eu-south-2
  '867642063380', // eu-central-2
  '619233833001', // il-central-1
  '977238331021', // eu-south-1
  '249472122084', // ap-east-1
  '404001805210', // me-south-1
  '957664736811', // af-south-1
  '452118225523', // ap-southeast-3
  '828603743433', // me-central-1
  '557690616787', // mx-central-1
  '863518437308', // ap-east-2
  '226283551151', // us-gov-east-1
  '226300430612', // us-gov-west-1
]);
