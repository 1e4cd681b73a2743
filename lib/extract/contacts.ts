import { fold } from './fold';

/**
 * Partner-side contacts: "瑞方联系人为 Ciro Vasquez，电话：+4 6（0）8-4733130，邮件：ciro.vasquez@…".
 * The text after the label is cut at "，" "；" "。"; a piece that starts with a field word (电话, 电邮 …)
 * fills the current contact, any other piece starts a new one ("…；Tone Ibenholt，电邮:ti@rcn.no").
 */

export interface ContactDraft {
  name: string;
  organization?: string;
  email?: string;
  phone?: string;
  fax?: string;
  website?: string;
}

/** "瑞方联系人为", "香港方联系方式：", "奥方联系人:" (folded). */
export const CONTACT_LABEL = /(?:[\u4e00-\u9fff]{1,4}方)?联系(?:人|方式)(?:为)?\s*:?\s*/;

const FIELDS: [keyof ContactDraft, RegExp][] = [
  ['phone', /^(?:电话|电 话|手机|tel|phone)\s*:?\s*/i],
  ['fax', /^(?:传真|fax)\s*:?\s*/i],
  ['email', /^(?:电子邮件|电子邮箱|电邮|邮件|邮箱|e-?mail)\s*:?\s*/i],
  ['website', /^(?:网址|网站|website)\s*:?\s*/i],
];
/** Emails broken by PDF extraction: "Delegation-China-Scitech@eeas. europa.eu". */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\s*\.\s*[A-Za-z0-9-]+)+/;
const PHONE = /[+(（]?\d[\d\s()（）+-]*\d/;
const WEBSITE = /(?:https?:\/\/|www\.)[A-Za-z0-9./_%?=&:-]+[A-Za-z0-9/]/;
/** Where an organisation's name ends and a person's begins: "日本理研国际课刘紫园", "澳门科学技术发展基金叶桂林". */
const ORG_END =
  /^(.*(?:署|局|部|课|处|基金|财团|研究院|研究所|理事会|中心|大学|学院|公司|委员会|协会|研究财团))([^\s]{2,6})$/;

function value(field: keyof ContactDraft, text: string): string | undefined {
  const folded = fold(text);
  const pattern = field === 'email' ? EMAIL : field === 'website' ? WEBSITE : PHONE;
  const m = pattern.exec(folded);
  if (!m) return undefined;
  const printed = text.slice(m.index, m.index + m[0].length).trim();
  return field === 'email' ? printed.replace(/\s+/g, '') : printed;
}

function person(piece: string): ContactDraft {
  const latin = /^([\u4e00-\u9fff]+)\s*([A-Za-z].*)$/.exec(piece);
  if (latin) return { organization: latin[1], name: latin[2]!.trim() };
  const org = ORG_END.exec(piece);
  if (org) return { organization: org[1], name: org[2]! };
  return { name: piece };
}

/** Contacts in `text`, the part of a requirement that follows a contact label. */
export function parseContacts(text: string): ContactDraft[] {
  const contacts: ContactDraft[] = [];
  const current = () => {
    if (!contacts.length) contacts.push({ name: '' });
    return contacts.at(-1)!;
  };
  for (const raw of text.split(/[，,；;。]/)) {
    const piece = raw.trim();
    if (!piece) continue;
    const folded = fold(piece);
    const field = FIELDS.find(([, label]) => label.test(folded));
    if (field) {
      const v = value(field[0], piece.slice(folded.match(field[1])![0].length));
      if (v) current()[field[0]] = v;
    } else if (EMAIL.test(folded)) {
      current().email = value('email', piece);
    } else if (!/网址|网站/.test(folded)) {
      contacts.push(person(piece.replace(/^[:：]\s*/, '')));
    }
    // "挪威研究理事网址为 www.rcn.no" may follow another field in the same piece.
    if (/网址|网站/.test(folded) && !(field && field[0] === 'website')) {
      const site = value('website', piece);
      if (site) for (const c of contacts.length ? contacts : [current()]) c.website ??= site;
    }
  }
  return contacts.filter((c) => c.name || c.email || c.phone);
}
