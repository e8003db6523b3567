import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { CartDocument, PreferencesDocument, UpdatePreferencesDocument, type DietaryTag, type PreferencesInput, type SustainabilityPreference } from '../../gql/graphql';
import { words } from '../format';
import { preferencesChanged } from '../preferencesGeneration';
import { DIETS } from './Search';

/** A few cities to pick from without sharing the device's position. */
const PLACES: { city: string; latitude: number; longitude: number }[] = [
  { city: 'Berlin', latitude: 52.52, longitude: 13.405 },
  { city: 'Hamburg', latitude: 53.5511, longitude: 9.9937 },
  { city: 'Munich', latitude: 48.1351, longitude: 11.582 },
  { city: 'Cologne', latitude: 50.9375, longitude: 6.9603 },
  { city: 'Vienna', latitude: 48.2082, longitude: 16.3738 },
];

export function Preferences() {
  const { data, loading, error } = useQuery(PreferencesDocument);
  // The cart's budget and suggestions depend on the preferences: refetched after a change.
  const [save, saving] = useMutation(UpdatePreferencesDocument, { refetchQueries: [PreferencesDocument, CartDocument], awaitRefetchQueries: true });
  const [saved, setSaved] = useState(false);
  const [device, setDevice] = useState<{ latitude: number; longitude: number } | null>(null);
  if (loading && !data) return <p aria-busy="true">Loading…</p>;
  if (error) return <p role="alert">{error.message}</p>;
  const prefs = data?.me?.preferences;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const budget = String(form.get('budget') ?? '').trim();
    const place = String(form.get('location') ?? '');
    const known = PLACES.find((p) => p.city === place);
    const input: PreferencesInput = {
      budgetLimit: budget === '' ? null : budget,
      dietaryRestrictions: form.getAll('diet').map(String) as DietaryTag[],
      sustainabilityPreference: String(form.get('sustainability')) as SustainabilityPreference,
      location: known ?? (place === 'device' && device ? device : place === 'keep' && prefs?.location ? prefs.location : null),
    };
    setSaved(false);
    void save({ variables: { input } })
      .then(() => {
        preferencesChanged();
        setSaved(true);
      })
      .catch(() => undefined);
  };

  const useDevice = () =>
    navigator.geolocation?.getCurrentPosition((position) => setDevice({ latitude: position.coords.latitude, longitude: position.coords.longitude }));

  const currentPlace = prefs?.location ? (PLACES.find((p) => p.city === prefs.location?.city)?.city ?? 'keep') : '';
  return (
    <form className="preferences" onSubmit={submit} aria-labelledby="prefs-title" key={JSON.stringify(prefs)}>
      <h1 id="prefs-title">Your preferences</h1>
      <label>
        Budget per cart
        <input name="budget" type="number" min="0" step="0.01" inputMode="decimal" defaultValue={prefs?.budgetLimit ?? ''} placeholder="No budget" />
      </label>
      <fieldset>
        <legend>Diet</legend>
        {DIETS.map((diet) => (
          <label key={diet} className="check">
            <input type="checkbox" name="diet" value={diet} defaultChecked={prefs?.dietaryRestrictions.includes(diet)} /> {words(diet)}
          </label>
        ))}
      </fieldset>
      <label>
        Sustainability
        <select name="sustainability" defaultValue={prefs?.sustainabilityPreference ?? 'NONE'}>
          <option value="NONE">No preference</option>
          <option value="PREFER">Prefer sustainable products</option>
          <option value="ONLY">Only sustainable products</option>
        </select>
      </label>
      <label>
        Location
        <select name="location" defaultValue={currentPlace}>
          <option value="">Not set</option>
          {prefs?.location && currentPlace === 'keep' && <option value="keep">{prefs.location.city ?? 'As set'}</option>}
          {PLACES.map((p) => (
            <option key={p.city} value={p.city}>
              {p.city}
            </option>
          ))}
          {device && <option value="device">This device&apos;s position</option>}
        </select>
      </label>
      {'geolocation' in navigator && (
        <button type="button" onClick={useDevice}>
          Use this device&apos;s position
        </button>
      )}
      <button type="submit" className="primary" disabled={saving.loading}>
        {saving.loading ? 'Saving…' : 'Save preferences'}
      </button>
      {saving.error && <p role="alert">{saving.error.message}</p>}
      {saved && <p role="status">Saved.</p>}
    </form>
  );
}
