import { register } from 'node:module';

// `node --import tests/sample-integration/register.ts …`: the sample partner joins the registries.
register('./hooks.ts', import.meta.url);
