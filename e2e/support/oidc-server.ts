// The local OpenID Connect provider of the end-to-end run (tests/support/oidc-stub.ts), on OIDC_PORT.
import { startOidcStub } from '../../tests/support/oidc-stub';

const port = Number(process.env.OIDC_PORT);
const stub = await startOidcStub({ port });
console.log(`OIDC stub at ${stub.issuer}`);
