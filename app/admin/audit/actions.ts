'use server';
// The audit log page's one action: verify the whole chain. Admins and compliance officers; each run is
// itself recorded, with the head it reached, so later tampering with earlier rows also contradicts it.
import { z } from 'zod';
import { recordAudit } from '@/lib/db/audit';
import { verifyAuditChain } from '@/lib/db/audit-log';
import { action } from '@/lib/http/action';

export const verifyAuditTrail = action(
  { name: 'audit.verify', roles: ['ADMIN', 'COMPLIANCE'], input: z.object({}) },
  async ({ user, requestId }) => {
    const result = await verifyAuditChain();
    await recordAudit({
      actor: user,
      action: 'audit.verified',
      metadata: result.ok
        ? { ok: true, checked: result.checked, headSeq: result.headSeq, headHash: result.headHash }
        : {
            ok: false,
            checked: result.checked,
            firstBrokenSeq: result.firstBrokenSeq,
            reason: result.reason,
          },
      requestId,
    });
    return result;
  },
);
