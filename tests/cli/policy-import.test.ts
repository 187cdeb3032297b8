/**
 * `protocol-check policy import`: real councils' ModernGov directories, a spreadsheet of
 * councillors, staff exports as Exchange and Entra ID write them, and Democracy Club's
 * elections, each into a policy that the policy loader accepts.
 */
import { createServer } from 'node:http';
import { copyFileSync, readFileSync } from "node:fs";
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { runPolicyImport } from '../../src/cli/policy-import.ts';
import { loadPolicy } from '../../src/policy/load.ts';
import { ROOT, tempTree } from './helpers.ts';

const MODERNGOV = join(ROOT, 'tests/fixtures/moderngov');
const STAFF = join(ROOT, 'tests/fixtures/staff');
const ELECTIONS = join(ROOT, 'tests/fixtures/everyelection/ashcombe.json');

async function run(argv: string[], cwd = ROOT) {
  let stdout = '';
  let stderr = '';
  const status = await runPolicyImport(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    cwd,
  });
  return { status, stdout, stderr, json: stdout ? (JSON.parse(stdout) as Record<string, any>) : undefined };
}

/** What the XML itself lists, read independently of the importer: every councillor, their ward, party and addresses. */
function listed(file: string) {
  const doc = new XMLParser({ isArray: (n) => ['ward', 'councillor', 'email'].includes(n), parseTagValue: false }).parse(readFileSync(file, 'utf8'));
  const out: { name: string; ward: string; party: string; work: string[]; home: string[] }[] = [];
  for (const ward of doc.councillorsbyward.wards.ward) {
    for (const c of ward.councillors?.councillor ?? []) {
      const emails = (a: any) => (a && typeof a === 'object' ? (a.email ?? []) : []).map((e: string) => String(e).match(/[^\s()]+@[^\s()]+/)?.[0]?.replace(/\.$/, '').toLowerCase()).filter(Boolean);
      out.push({ name: String(c.fullusername).replace(/\s+/g, ' ').trim(), ward: String(ward.wardtitle), party: String(c.politicalpartytitle ?? ''), work: emails(c.workaddress), home: emails(c.homeaddress) });
    }
  }
  return out;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('policy import --moderngov on real councils', () => {
  const councils = [
    { file: 'sefton.xml', name: 'Sefton Council', domain: 'sefton.gov.uk' },
    { file: 'tower-hamlets.xml', name: 'London Borough of Tower Hamlets', domain: 'towerhamlets.gov.uk' },
    { file: 'swindon.xml', name: 'Swindon Borough Council', domain: 'swindon.gov.uk' },
    { file: 'cardiff.xml', name: 'Cardiff Council', domain: 'cardiff.gov.uk' },
  ];
  for (const council of councils) {
    it(`${council.file}: every councillor with an address, their ward, party and personal addresses, in a policy the loader accepts`, async () => {
      const file = join(MODERNGOV, council.file);
      const { status, json, stderr } = await run(['--moderngov', file, '--council', council.name]);
      expect(status, stderr).toBe(0);
      const loaded = loadPolicy(json, 'imported.json');
      expect(loaded.problems).toEqual([]);
      expect(loaded.policy).toBeDefined();
      expect(json!.council).toMatchObject({ name: council.name, domains: [council.domain] });

      const people = listed(file);
      const withAddress = people.filter((p) => p.work.length + p.home.length > 0);
      const councillors = json!.councillors as Record<string, any>[];
      expect(councillors).toHaveLength(withAddress.length);
      for (const p of people.filter((q) => q.work.length + q.home.length === 0)) {
        expect(stderr).toContain(`has no email address in the directory`);
        expect(stderr).toContain(p.name.replace(/^(Councillor|Cllr) /, ''));
      }
      for (const p of withAddress) {
        const entry = councillors.find((c) => [...p.work, ...p.home].includes(c.email));
        expect(entry, p.name).toBeDefined();
        // The name without its title.
        expect(entry!.name).not.toMatch(/^(Councillor|Cllr)\b/);
        expect(p.name).toContain(entry!.name.split(' ').at(-1));
        if (!/^(mayor)$/i.test(p.ward)) expect(entry!.ward).toBe(p.ward);
        if (p.party) expect(entry!.party).toBe(p.party);
        // A home address that differs from the council one is a personal address.
        for (const home of p.home) {
          if (home !== entry!.email && !home.endsWith(council.domain)) expect(entry!.personalEmails, p.name).toContain(home);
        }
      }
      // Every party is listed for the party-label checks (independents aside).
      const parties = (json!.parties as { name: string }[]).map((p) => p.name);
      for (const party of new Set(withAddress.map((p) => p.party).filter((p) => p && !/^independent$/i.test(p)))) expect(parties).toContain(party);
    });
  }

  it('reads key posts as roles and strips titles', async () => {
    const sefton = (await run(['--moderngov', join(MODERNGOV, 'sefton.xml'), '--council', 'Sefton Council'])).json!;
    const by = (name: string) => (sefton.councillors as Record<string, any>[]).find((c) => c.name === name)!;
    expect(by('Ian Maher').roles).toEqual(['leader', 'group-leader']); // "Leader of the Council and Leader of Labour Group"
    expect(by('John Fairclough').roles).toEqual(['deputy-leader', 'cabinet']);
    expect(by('Stephen Kermode').roles).toEqual(['mayor']);
    expect(by('Kevin Cluskey').roles).toEqual(['vice-chair']); // "Deputy Chair of the Council"
    expect(by('Tony Dawson').roles).toEqual([]); // deputy leader of a party group: no council role
    expect(by('Terry Jones').personalEmails).toEqual(['terryjones15@sky.com']);
    expect(by('Maureen Fearn').email).toBe('maureen.fearn@councillors.sefton.gov.uk'); // "Cllr Maureen Fearn J.P."
    const cardiff = (await run(['--moderngov', join(MODERNGOV, 'cardiff.xml'), '--council', 'Cardiff Council'])).json!;
    const c = (name: string) => (cardiff.councillors as Record<string, any>[]).find((x) => x.name === name)!;
    expect(c('David Walker').roles).toEqual(['mayor']); // Lord Mayor
    expect(c('Dilwar Ali').roles).toEqual(['deputy-mayor']);
    expect(c('Sam Knight').roles).toEqual([]); // an assistant cabinet member is not in the cabinet
    const th = (await run(['--moderngov', join(MODERNGOV, 'tower-hamlets.xml'), '--council', 'Tower Hamlets'])).json!;
    expect((th.councillors as Record<string, any>[]).find((x) => x.email === 'mayor@towerhamlets.gov.uk' || /Biggs/.test(x.name))!.name).toBe('John Biggs');
  });

  it('fetches the directory from a ModernGov site given its address', async () => {
    const xml = readFileSync(join(MODERNGOV, 'tower-hamlets.xml'));
    const paths: string[] = [];
    const server = createServer((req, res) => {
      paths.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      res.end(xml);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    cleanups.push(() => server.close());
    const port = (server.address() as { port: number }).port;
    const { status, json } = await run(['--moderngov', `http://127.0.0.1:${port}/`, '--council', 'Tower Hamlets']);
    expect(status).toBe(0);
    expect(paths).toEqual(['/mgWebService.asmx/GetCouncillorsByWard']);
    expect(json!.councillors).toHaveLength(46);
  });

  it('names a file that is not the directory, and prints nothing', async () => {
    const t = tempTree({ 'page.xml': '<html><body>Service unavailable</body></html>', 'broken.xml': '<councillorsbyward><wards><ward>\n<wardtitle>A</ward>' });
    cleanups.push(t.cleanup);
    const page = await run(['--moderngov', 'page.xml', '--council', 'X'], t.dir);
    expect(page.status).toBe(2);
    expect(page.stdout).toBe('');
    expect(page.stderr).toContain('page.xml: expected ModernGov\'s GetCouncillorsByWard XML with a <councillorsbyward> root, got <html>');
    const broken = await run(['--moderngov', 'broken.xml', '--council', 'X'], t.dir);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/broken\.xml:2:\d+: the XML is not well formed/);
  });
});

describe('policy import --into', () => {
  it('keeps hand-made fields and approved addresses, and reports added, changed and removed councillors', async () => {
    const policy = {
      council: { name: 'Sefton Council', domains: ['sefton.gov.uk'], protocol: 'surrey-heath' },
      councillors: [
        // Approved and known personal addresses written by hand; the ward is out of date.
        { name: 'Terry Jones', email: 'terry.jones@councillors.sefton.gov.uk', personalEmails: ['tj.home@example.org'], approvedPersonalEmails: ['terry.jones.ward@example.org'], ward: 'Old Ward', party: 'Conservative Party', roles: [] },
        { name: 'Someone Retired', email: 'someone.retired@councillors.sefton.gov.uk', ward: 'Ainsdale', party: 'The Labour Party', roles: [] },
      ],
      officers: [{ name: 'Dominic Reyes', email: 'dominic.reyes@sefton.gov.uk', roles: ['chief-executive'] }],
      parties: [{ name: 'Conservative Party', aliases: ['Conservatives', 'Con'], domains: ['seftonconservatives.org.uk'] }],
      elections: [{ name: 'Borough elections 2027', pollingDay: '2027-05-06', periodStart: '2027-03-24' }],
      controversialTopics: ['incinerator'],
      rules: { 'out-of-hours': 'off' },
    };
    const t = tempTree({ 'policy.json': JSON.stringify(policy, null, 2) });
    cleanups.push(t.cleanup);
    copyFileSync(join(MODERNGOV, 'sefton.xml'), join(t.dir, 'sefton.xml'));
    const { status, stdout, stderr } = await run(['--moderngov', 'sefton.xml', '--into', 'policy.json'], t.dir);
    expect(status, stderr).toBe(0);
    expect(stdout).toBe('');
    const merged = JSON.parse(readFileSync(join(t.dir, 'policy.json'), 'utf8'));
    expect(loadPolicy(merged, 'policy.json').problems).toEqual([]);
    // The previous file is kept.
    expect(JSON.parse(readFileSync(join(t.dir, 'policy.json.bak'), 'utf8'))).toEqual(policy);
    // Hand-made fields stay.
    expect(merged.council.protocol).toBe('surrey-heath');
    expect(merged.controversialTopics).toEqual(['incinerator']);
    expect(merged.rules).toEqual({ 'out-of-hours': 'off' });
    expect(merged.officers).toEqual(policy.officers);
    expect(merged.elections).toEqual(policy.elections);
    expect(merged.parties[0]).toEqual(policy.parties[0]);
    const terry = merged.councillors.find((c: any) => c.name === 'Terry Jones');
    expect(terry.approvedPersonalEmails).toEqual(['terry.jones.ward@example.org']);
    expect(terry.personalEmails).toEqual(['tj.home@example.org', 'terryjones15@sky.com']);
    expect(terry.ward).toBe('Ainsdale');
    expect(terry.roles).toEqual(['group-leader']);
    expect(merged.councillors).toHaveLength(66);
    expect(merged.councillors.some((c: any) => c.name === 'Someone Retired')).toBe(false);
    // The report, person by person.
    expect(stderr).toContain('councillors: 66 (65 added, 1 changed, 1 removed)');
    expect(stderr).toContain('changed: Terry Jones: ward "Old Ward" → "Ainsdale"; roles (none) → group-leader; personalEmails tj.home@example.org → tj.home@example.org, terryjones15@sky.com');
    expect(stderr).toContain('removed: Someone Retired <someone.retired@councillors.sefton.gov.uk>');
    expect(stderr).toContain('added: Ian Maher <ian.maher@councillors.sefton.gov.uk>, Netherton and Orrell, The Labour Party');
  });

  it('leaves a broken policy untouched and says so', async () => {
    const t = tempTree({ 'policy.json': '{"council": {"name": "X"}, ' });
    cleanups.push(t.cleanup);
    copyFileSync(join(MODERNGOV, 'sefton.xml'), join(t.dir, 'sefton.xml'));
    const { status, stderr } = await run(['--moderngov', 'sefton.xml', '--into', 'policy.json'], t.dir);
    expect(status).toBe(2);
    expect(stderr).toMatch(/policy\.json:1:\d+: the file cannot be read as JSON/);
    expect(stderr).toContain('policy.json was not changed');
    expect(readFileSync(join(t.dir, 'policy.json'), 'utf8')).toBe('{"council": {"name": "X"}, ');
  });
});

describe('policy import --csv', () => {
  it('reads a spreadsheet export: semicolons, a byte-order mark or the Windows code page, quoted cells, posts as roles', async () => {
    const rows = [
      'Name;Council email;Personal email;Ward;Party;Roles',
      'Cllr Zoë Adéyemi;zoe.adeyemi@ashcombe.gov.uk;zoe.a@gmail.com;Quarry Hill;Labour;"Leader of the Council; Cabinet Member for Finance"',
      'Councillor Tom Whelan;tom.whelan@ashcombe.gov.uk;;Quarry Hill;Labour;',
      'Gareth Price;gareth.price@ashcombe.gov.uk;"gp1961@btinternet.com; gareth@pricefamily.co.uk";Saltings;Conservative;chair',
      ';;;;;',
      'Rosie Dunmore;rosie.dunmore at ashcombe.gov.uk;;Saltings;Green Party;group-leader',
    ].join('\r\n');
    // Excel's plain "CSV" on Windows writes the Windows code page, not UTF-8.
    const cp1252 = Uint8Array.from([...rows].map((ch) => (ch === 'ë' ? 0xeb : ch === 'é' ? 0xe9 : ch.charCodeAt(0))));
    const utf8Bom = new TextEncoder().encode(`\uFEFF${rows}`);
    for (const bytes of [cp1252, utf8Bom]) {
      const t = tempTree({ 'councillors.csv': bytes });
      cleanups.push(t.cleanup);
      const { status, json, stderr } = await run(['--csv', 'councillors.csv', '--council', 'Ashcombe Borough Council', '--domain', 'ashcombe.gov.uk'], t.dir);
      expect(status).toBe(2); // a row was left out, and named
      expect(stderr).toContain('councillors.csv:6: Rosie Dunmore: "rosie.dunmore at ashcombe.gov.uk" is not an email address; row left out');
      expect(loadPolicy(json, 'p.json').problems).toEqual([]);
      expect(json!.councillors).toEqual([
        { name: 'Zoë Adéyemi', email: 'zoe.adeyemi@ashcombe.gov.uk', personalEmails: ['zoe.a@gmail.com'], ward: 'Quarry Hill', party: 'Labour', roles: ['leader', 'cabinet'] },
        { name: 'Tom Whelan', email: 'tom.whelan@ashcombe.gov.uk', ward: 'Quarry Hill', party: 'Labour', roles: [] },
        { name: 'Gareth Price', email: 'gareth.price@ashcombe.gov.uk', personalEmails: ['gp1961@btinternet.com', 'gareth@pricefamily.co.uk'], ward: 'Saltings', party: 'Conservative', roles: ['chair'] },
      ]);
    }
  });

  it('names the columns it needs when they are missing', async () => {
    const t = tempTree({ 'c.csv': 'Councillor,Ward\nJane Smith,Castle\n' });
    cleanups.push(t.cleanup);
    const { status, stderr, stdout } = await run(['--csv', 'c.csv', '--council', 'X'], t.dir);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('c.csv: expected a header row with at least "email" columns (the columns are name, email, personal email, ward, party, roles), got "Councillor", "Ward"');
  });
});

describe('policy import --staff-csv', () => {
  it('reads Exchange\'s Get-Recipient export: roles by job title, rooms and shared mailboxes skipped, malformed rows named by line', async () => {
    const { status, json, stderr } = await run(['--staff-csv', join(STAFF, 'exchange-get-recipient.csv'), '--council', 'Ashcombe Borough Council', '--domain', 'ashcombe.gov.uk']);
    expect(status).toBe(2);
    expect(loadPolicy(json, 'p.json').problems).toEqual([]);
    const roles = Object.fromEntries((json!.officers as any[]).map((o) => [o.name, o.roles]));
    expect(roles).toEqual({
      'Dominic Reyes': ['chief-executive', 'senior'],
      'Hannah Okafor': ['monitoring-officer', 'senior'],
      'Graham Pike': ['senior'],
      'Lucy Tran': ['comms'],
      'Sam Whitfield': ['comms'], // the communications department
      'Priya Mistry': ['senior'],
      'Owen Hart': [], // PA to the Chief Executive
      'Kieran Boyd': [],
      'Rhys Evans': ['senior'], // Deputy Chief Executive
    });
    expect((json!.officers as any[]).find((o) => o.name === 'Dominic Reyes').email).toBe('dominic.reyes@ashcombe.gov.uk');
    const file = join(STAFF, 'exchange-get-recipient.csv');
    expect(stderr).toContain(`${file}:13: no email address`.replace('no email address', 'Maya Sorensen: no email address; row left out'));
    expect(stderr).toContain(`${file}:14: Tom Ellis: "tom.ellis at ashcombe.gov.uk" is not an email address; row left out`);
    expect(stderr).toContain('(2 rooms, shared mailboxes and groups skipped)');
    expect(stderr).toMatch(/chief-executive\s+1\n\s+monitoring-officer\s+1\n\s+senior\s+5\n\s+comms\s+2\n\s+no role\s+2\n/);
    expect(stderr).toContain('2 rows were left out (named above)');
  });

  it('reads Entra ID\'s and the admin centre\'s column names, and a roles map before the table', async () => {
    const entra = await run(['--staff-csv', join(STAFF, 'entra-users.csv'), '--council', 'Ashcombe', '--domain', 'ashcombe.gov.uk']);
    expect(Object.fromEntries((entra.json!.officers as any[]).map((o) => [o.email, o.roles]))).toEqual({
      'dominic.reyes@ashcombe.gov.uk': ['chief-executive', 'senior'],
      'lucy.tran@ashcombe.gov.uk': ['comms'],
      'kieran.boyd@ashcombe.gov.uk': [],
      'anna.blake@ashcombe.gov.uk': ['senior'],
    });
    expect(entra.stderr).toContain('entra-users.csv:5: no display name for nobody@ashcombe.onmicrosoft.com; row left out');

    const plain = await run(['--staff-csv', join(STAFF, 'admin-centre-semicolons.csv'), '--council', 'Ashcombe', '--domain', 'ashcombe.gov.uk']);
    expect(plain.status).toBe(0);
    expect(Object.fromEntries((plain.json!.officers as any[]).map((o) => [o.name, o.roles]))).toEqual({ 'Dominic Reyes': ['chief-executive', 'senior'], 'Lucy Tran': ['comms'], 'Jo Marsh': [], 'Ben Cole': [] });

    const mapped = await run(['--staff-csv', join(STAFF, 'admin-centre-semicolons.csv'), '--roles-map', join(STAFF, 'roles-map.json'), '--council', 'Ashcombe', '--domain', 'ashcombe.gov.uk']);
    expect(mapped.status).toBe(0);
    expect(Object.fromEntries((mapped.json!.officers as any[]).map((o) => [o.name, o.roles]))).toEqual({ 'Dominic Reyes': ['chief-executive', 'senior'], 'Lucy Tran': [], 'Jo Marsh': ['senior'], 'Ben Cole': ['comms'] });
    expect(mapped.stderr).toMatch(/comms\s+1\n/);
  });

  it('names a roles map entry that is not a role, with the closest', async () => {
    const t = tempTree({ 'map.json': '{"web editor": ["com"]}' });
    cleanups.push(t.cleanup);
    const { status, stderr } = await run(['--staff-csv', join(STAFF, 'entra-users.csv'), '--roles-map', 'map.json', '--council', 'X'], t.dir);
    expect(status).toBe(2);
    expect(stderr).toContain('map.json: "web editor": "com" is not an officer role; did you mean "comms"?');
  });

  it('imports 20,000 rows within 5 seconds and merges into a policy', async () => {
    const titles = ['Planning Officer', 'Head of Housing', 'Press Officer', 'Director of Place', 'Customer Adviser', 'Chief Executive', 'Monitoring Officer'];
    const lines = ['"DisplayName","PrimarySmtpAddress","Title","Department"'];
    for (let i = 0; i < 20_000; i++) lines.push(`"Officer ${i} Example","officer.${i}@ashcombe.gov.uk","${i < 7 ? titles[i] : titles[i % 5]}","Dept ${i % 40}"`);
    const t = tempTree({ 'staff.csv': lines.join('\n'), 'policy.json': JSON.stringify({ council: { name: 'Ashcombe', domains: ['ashcombe.gov.uk'] }, officers: [{ name: 'Lucy Tran', email: 'lucy.tran@ashcombe.gov.uk', roles: ['comms'] }] }) });
    cleanups.push(t.cleanup);
    const started = performance.now();
    const { status, stderr } = await run(['--staff-csv', 'staff.csv', '--into', 'policy.json', '--keep-missing'], t.dir);
    const seconds = (performance.now() - started) / 1000;
    console.log(`policy import --staff-csv: 20,000 rows in ${seconds.toFixed(2)} s`);
    expect(status, stderr).toBe(0);
    expect(seconds).toBeLessThan(5);
    const merged = JSON.parse(readFileSync(join(t.dir, 'policy.json'), 'utf8'));
    expect(merged.officers).toHaveLength(20_001);
    expect(stderr).toContain('officers: 20001 (20000 added, 0 changed, 0 removed)');
    expect(stderr).toMatch(/chief-executive\s+1\n\s+monitoring-officer\s+1\n\s+senior\s+8,001\n\s+comms\s+4,000\n\s+no role\s+7,999\n/);
  });
});

describe('policy import --elections', () => {
  it('reads EveryElection: one council-wide poll, each by-election with its ward, cancelled ones left out', async () => {
    const { status, json, stderr } = await run(['--elections', ELECTIONS, '--council', 'Ashcombe Borough Council']);
    expect(status, stderr).toBe(0);
    expect(loadPolicy(json, 'p.json').problems).toEqual([]);
    expect(json!.elections).toEqual([
      { name: 'Ashcombe local election Harbourside by-election', pollingDay: '2026-07-16', wards: ['Harbourside'] },
      { name: 'Ashcombe Borough Council elections 2027-05-06', pollingDay: '2027-05-06' },
      { name: 'Police and Crime Commissioner for Wessex 2028-05-04', type: 'pcc', pollingDay: '2028-05-04' },
    ]);
    expect(stderr).toContain('UK Parliament election Ashcombe and Downs 2029-05-03: the period before a UK Parliament election cannot be computed from polling day; add it by hand with its periodStart');
  });

  it('adds to the elections of a policy and keeps a period start written by hand', async () => {
    const t = tempTree({ 'policy.json': JSON.stringify({ council: { name: 'Ashcombe' }, elections: [{ name: 'Borough elections', pollingDay: '2027-05-06', periodStart: '2027-03-20' }] }) });
    cleanups.push(t.cleanup);
    const { status } = await run(['--elections', ELECTIONS, '--into', 'policy.json'], t.dir);
    expect(status).toBe(0);
    const merged = JSON.parse(readFileSync(join(t.dir, 'policy.json'), 'utf8'));
    expect(merged.elections.map((e: any) => [e.pollingDay, e.periodStart ?? null])).toEqual([
      ['2027-05-06', '2027-03-20'],
      ['2026-07-16', null],
      ['2028-05-04', null],
    ]);
  });
});

describe('usage', () => {
  it('says what is missing and suggests the option meant', async () => {
    expect((await run([])).stderr).toContain('name what to import: --moderngov, --csv, --staff-csv or --elections');
    expect((await run(['--moderngov', join(MODERNGOV, 'sefton.xml')])).stderr).toContain('name the council for the new policy, for example --council');
    expect((await run(['--modergov', 'x.xml'])).stderr).toContain('there is no option --modergov; did you mean --moderngov?');
    const missing = await run(['--moderngov', 'nowhere.xml', '--council', 'X']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nowhere.xml: no such file');
  });
});


describe('through the protocol-check command', () => {
  it('protocol-check policy import reaches the importer', async () => {
    const { runCli } = await import('../../src/cli/main.ts');
    let stdout = '';
    let stderr = '';
    const status = await runCli(['policy', 'import', '--moderngov', join(MODERNGOV, 'tower-hamlets.xml'), '--council', 'Tower Hamlets'], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: {},
      cwd: ROOT,
    });
    expect(status, stderr).toBe(0);
    expect(JSON.parse(stdout).councillors).toHaveLength(46);
  });
});
