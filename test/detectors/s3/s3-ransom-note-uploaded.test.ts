import { describe, expect, it } from 'vitest';
import { isRansomNoteName } from '../../../detectors/s3/s3-ransom-note-uploaded.js';

describe('Function: isRansomNoteName', () => {
  it.each([
    'HOW_TO_DECRYPT.txt',
    'How-To-Decrypt-Files.html',
    'data/2026/RESTORE_MY_FILES.txt',
    'RECOVER-YOUR-DATA.hta',
    'YOUR_FILES_ARE_ENCRYPTED.txt',
    'YourDataHasBeenStolen.md',
    '!!!READ_ME!!!.txt',
    'README_WARNING.txt',
    'ransom_note',
    'decryption-instructions.rtf',
    'ALL_YOUR_FILES_HAVE_BEEN_DELETED.txt',
    'your-data-was-wiped.html',
  ])('recognises %s', (key) => {
    expect(isRansomNoteName(key)).toBe(true);
  });

  it.each([
    'README.md',
    'docs/readme.txt',
    'README-FIRST.txt',
    'tools/decrypt.py',
    'lib/decryptor.jar',
    'docs/how-to-restore-from-backup.md',
    'backups/restore-db.sql',
    '2026/11/invoice-0042.pdf',
    'files/',
    'reports/files_deleted.txt',
    '',
  ])('leaves %s alone', (key) => {
    expect(isRansomNoteName(key)).toBe(false);
  });

  it('judges only the file name, not the prefix', () => {
    expect(isRansomNoteName('ransom-case-files/summary.txt')).toBe(false);
  });
});
