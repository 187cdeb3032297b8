/** Every rule, in catalogue order (PRODUCT.md). */
import type { Rule } from "../rule.ts";
import silentCopy from "./silent-copy.ts";
import personalEmail from "./personal-email.ts";
import letterheadForPartyMatters from "./letterhead-for-party-matters.ts";
import preElectionPublicity from "./pre-election-publicity.ts";
import pressReleaseQuotes from "./press-release-quotes.ts";
import wardCouncillorsNotInformed from "./ward-councillors-not-informed.ts";
import politicalGroupBriefing from "./political-group-briefing.ts";
import confidentialInformation from "./confidential-information.ts";
import constituentConsent from "./constituent-consent.ts";
import officialLetterFromMember from "./official-letter-from-member.ts";
import pressureOnOfficers from "./pressure-on-officers.ts";
import favourSeeking from "./favour-seeking.ts";
import employmentMatterToMember from "./employment-matter-to-member.ts";
import disciplinaryInfluence from "./disciplinary-influence.ts";
import publicCriticismOfOfficers from "./public-criticism-of-officers.ts";
import legalProceedings from "./legal-proceedings.ts";
import outOfHours from "./out-of-hours.ts";
import discourteousTone from "./discourteous-tone.ts";
import officerPartyWork from "./officer-party-work.ts";
import leftoverPlaceholder from "./leftover-placeholder.ts";

export const RULES: readonly Rule[] = [
  silentCopy,
  personalEmail,
  letterheadForPartyMatters,
  preElectionPublicity,
  pressReleaseQuotes,
  wardCouncillorsNotInformed,
  politicalGroupBriefing,
  confidentialInformation,
  constituentConsent,
  officialLetterFromMember,
  pressureOnOfficers,
  favourSeeking,
  employmentMatterToMember,
  disciplinaryInfluence,
  publicCriticismOfOfficers,
  legalProceedings,
  outOfHours,
  discourteousTone,
  officerPartyWork,
  leftoverPlaceholder,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
