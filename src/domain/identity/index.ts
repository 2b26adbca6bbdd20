export type { ApprovalFacts } from './ApprovalFacts.js';
export type { ApprovalOutcome, ApprovalRequest } from './decideApproval.js';
export { decideApproval } from './decideApproval.js';
export type { CancelOutcome } from './decideCancel.js';
export { decideCancel } from './decideCancel.js';
export type { EventPayload } from './eventSeal.js';
export {
  canonicalJson,
  hasHookCallbackToken,
  hookCallbackToken,
  isSealed,
  sealEvent,
  sealField,
} from './eventSeal.js';
export { isSealedInput, sealInput } from './inputSeal.js';
export type { IssueTokenOptions } from './issueToken.js';
export { issueToken, tokenIssuer } from './issueToken.js';
export { normalizeEmail } from './normalizeEmail.js';
export { parseClientPrincipal } from './parseClientPrincipal.js';
export type { IdentityOutcome, Principal } from './Principal.js';
export type { HeaderLookup, IdentitySettings } from './resolveIdentity.js';
export { resolveIdentity } from './resolveIdentity.js';
export { verifyToken } from './verifyToken.js';
