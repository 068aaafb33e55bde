import { useState } from 'preact/hooks';
import { PageTitle } from '../components/PageTitle';
import { COUNTRIES, type HelpLine, INTERNATIONAL, regionFromLanguages, telHref, UPDATED } from '../help/crisis-lines';

function Line({ line }: { line: HelpLine }) {
  return (
    <li class="card help-line">
      <h3>{line.name}</h3>
      <p>{line.about}</p>
      <ul class="contact">
        {line.phone ? (
          <li>
            Call <a href={telHref(line.phone)}>{line.phone}</a>
          </li>
        ) : null}
        {line.text && line.sms ? (
          <li>
            <a href={`sms:${line.sms}`}>{line.text}</a>
          </li>
        ) : null}
        {line.url ? (
          <li>
            <a href={line.url} target="_blank" rel="noopener noreferrer">
              {line.url.replace(/^https:\/\/(www\.)?/, '')}
              <span class="visually-hidden"> (opens in a new tab)</span>
            </a>
          </li>
        ) : null}
      </ul>
      <p class="hint">{line.hours}</p>
    </li>
  );
}

function initialCountry(): string {
  const region = regionFromLanguages(navigator.languages?.length ? navigator.languages : [navigator.language]);
  return COUNTRIES.some((c) => c.code === region) ? (region as string) : '';
}

export default function Help() {
  const [code, setCode] = useState(initialCountry);
  const country = COUNTRIES.find((c) => c.code === code);
  return (
    <section>
      <PageTitle title="Get help now">Get help now</PageTitle>
      <p class="lead">
        If you are in danger right now, call your local emergency number
        {country ? ` (${country.emergency} in ${country.inName ?? country.name})` : ''}.
      </p>
      <p>
        You do not have to be in crisis to call these services. They are there for anyone who is struggling, scared or worried
        about someone. They are free and confidential.
      </p>
      <div class="field">
        <label for="country">Your country</label>
        <select id="country" value={code} onChange={(e) => setCode((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">Choose a country</option>
          {COUNTRIES.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {country ? (
        <section aria-labelledby="country-lines">
          <h2 id="country-lines">{country.name}</h2>
          <p>Emergency services: {country.emergency}</p>
          <ul class="plain-list">
            {country.lines.map((l) => (
              <Line key={l.name} line={l} />
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="intl-lines">
        <h2 id="intl-lines">{INTERNATIONAL.name}</h2>
        <ul class="plain-list">
          {INTERNATIONAL.lines.map((l) => (
            <Line key={l.name} line={l} />
          ))}
        </ul>
      </section>
      <p class="hint">
        This list was last updated in {UPDATED}. Numbers and opening hours can change; if one does not work, Find A Helpline lists
        current services. If you are in danger, call your local emergency services.
      </p>
    </section>
  );
}
