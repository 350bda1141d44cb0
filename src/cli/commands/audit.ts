import { verifyAuditChain } from '../../app/audit/verify-audit-chain.ts';
import { type Command, parseCommandArgs } from '../command.ts';
import { withDatabase } from '../database.ts';

export const rowCount = (rows: number) => `${rows} row${rows === 1 ? '' : 's'}`;

export const auditVerifyCommand: Command = {
  usage: 'lead audit verify',
  summary:
    "Recompute the audit log's hash chain. Exit status 0 if intact, 1 naming the first row that was altered or removed.",
  async run(args, io) {
    parseCommandArgs('audit verify', args, {});
    return withDatabase({ migrate: false, existing: true }, async ({ db }) => {
      const verdict = await verifyAuditChain(db);
      if (verdict.intact) {
        io.out(`audit log intact: ${rowCount(verdict.rows)}`);
        return 0;
      }
      io.err(`audit log broken at row ${verdict.firstBadSeq}: ${verdict.reason}`);
      return 1;
    });
  },
};
