/** A council other than the corpus's, and one breaching draft per mission rule, for the pages under test. */
export const WESTMOOR_POLICY = {
  council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'], protocol: 'crawley' },
  councillors: [
    { name: 'Jo Hart', email: 'cllr.jo.hart@westmoor.gov.uk', personalEmails: ['jo.hart.home@gmail.com'], ward: 'Elm', party: 'Labour', roles: ['cabinet'] },
    { name: 'Ravi Shah', email: 'cllr.ravi.shah@westmoor.gov.uk', ward: 'Elm', party: 'Labour', roles: [] },
    { name: 'Ann Lee', email: 'cllr.ann.lee@westmoor.gov.uk', personalEmails: ['ann.lee.oak@gmail.com'], ward: 'Oak', party: 'Conservative', roles: ['leader'] },
  ],
  officers: [
    { name: 'Sam Officer', email: 'sam.officer@westmoor.gov.uk', roles: [] },
    { name: 'Press Office', email: 'press@westmoor.gov.uk', roles: ['comms'] },
  ],
  communications: { teamAddresses: ['press@westmoor.gov.uk'], mediaDomains: ['westmoorgazette.co.uk'], spokesperson: 'a Westmoor Council spokesperson' },
  parties: [
    { name: 'Labour', aliases: ['Lab'], domains: ['labour.org.uk'] },
    { name: 'Conservative', aliases: ['Conservatives', 'Tory'], domains: ['conservatives.com'] },
  ],
  elections: [{ name: 'Borough elections 2027', pollingDay: '2027-05-06', periodStart: '2027-03-26' }],
  letterhead: { markers: ['Westmoor Borough Council', 'Town Hall, High Street'] },
};

export interface PageDraft {
  From: string;
  To: string;
  Cc?: string;
  Bcc?: string;
  Subject: string;
  'Send date': string;
  Body: string;
}

export const BREACHES: { rule: string; draft: PageDraft; after: (fields: Record<string, string>) => void }[] = [];

export const SILENT_COPY: PageDraft = {
  From: 'Sam Officer <sam.officer@westmoor.gov.uk>',
  To: 'Cllr Jo Hart <cllr.jo.hart@westmoor.gov.uk>',
  Bcc: 'Cllr Ravi Shah <cllr.ravi.shah@westmoor.gov.uk>',
  Subject: 'Missed bins in Elm Road',
  'Send date': '2027-02-10T10:00',
  Body: 'Dear Cllr Hart,\n\nThe missed collections in Elm Road will be picked up on Thursday morning.\n\nKind regards\n\nSam Officer\nWaste Officer\nWestmoor Borough Council',
};

export const PERSONAL_EMAIL: PageDraft = {
  From: 'Sam Officer <sam.officer@westmoor.gov.uk>',
  To: 'Cllr Jo Hart <jo.hart.home@gmail.com>',
  Subject: 'Elm Park play area',
  'Send date': '2027-02-10T10:00',
  Body: 'Dear Cllr Hart,\n\nThe contractor starts work on the Elm Park play area on 1 March and expects to finish by the end of the month.\n\nKind regards\n\nSam Officer\nParks Officer\nWestmoor Borough Council',
};

export const LETTERHEAD: PageDraft = {
  From: 'Ann Lee <ann.lee.oak@gmail.com>',
  To: 'Oak Conservatives <members@oakconservatives.org.uk>',
  Subject: 'Canvassing on Saturday',
  'Send date': '2027-02-10T10:00',
  Body: 'Dear friends,\n\nCan you help us canvass Oak Road and deliver our election leaflets on Saturday? Every vote counts in May.\n\nBest wishes\n\nAnn\n\nCllr Ann Lee\nLeader of the Council\nWestmoor Borough Council\nTown Hall, High Street',
};

export const PRE_ELECTION: PageDraft = {
  From: 'Press Office <press@westmoor.gov.uk>',
  To: 'News desk <news@westmoorgazette.co.uk>',
  Subject: 'News release: new play area opens in Elm Park',
  'Send date': '2027-04-14T10:00',
  Body: 'News release\n\nNew play area opens in Elm Park\n\nA new play area opened in Elm Park today, with swings, a zip wire and a sensory garden.\n\nCllr Jo Hart said: "This is a great day for families in Elm and shows what we have delivered."\n\nEnds',
};
