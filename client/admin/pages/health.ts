import { request } from '../api';
import { formatDate, h, present, statusArea, table } from '../dom';
import { RecommendationHealthDocument, type RecommendationHealthQuery } from '../gql/graphql';
import { messageOf } from './products';

/** "3 min", "2 h 5 min": an age as an operator reads it. */
function age(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return 'never';
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} days`;
}

/** The recommender's health: model ages, what it learned, each consumer's lag, dead letters. */
export function healthPage(): HTMLElement {
  const status = statusArea();
  const body = h('div', {}, h('p', {}, 'Loading…'));

  function render(health: RecommendationHealthQuery['recommendationHealth']): void {
    const facts: [string, string][] = [
      ['State', health.ready ? 'ready' : 'not ready'],
      ['Saved model age', `${age(health.modelAgeSeconds)} (built ${formatDate(health.modelBuiltAt)})`],
      ['Basket model age', `${age(health.basketModelAgeSeconds)} (fitted ${formatDate(health.basketModelFittedAt)})`],
      ['Interactions learned', health.interactionsLearned.toLocaleString()],
      ['Newest interaction', formatDate(health.lastInteractionAt)],
      ['Products known', health.productsKnown.toLocaleString()],
      ['Shopper histories', health.shoppersKnown.toLocaleString()],
      ['Dead letters', health.deadLetters.toLocaleString()],
      ['Loaded from', health.loadedFrom?.replace(/_/g, ' ').toLowerCase() ?? 'loading'],
      ['Replica', health.instance],
    ];
    body.replaceChildren(
      ...present(h('dl', { class: `facts ${health.ready ? 'ok' : 'bad'}` }, facts.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
      health.problems.length > 0 ? h('ul', { class: 'problems', 'aria-label': 'Problems' }, health.problems.map((p) => h('li', {}, p))) : null,
      table(
        'Event consumers',
        ['Stream', 'Group', 'State', 'Lag', 'Pending'],
        health.consumers.map((c) => [c.stream, c.group ?? 'follower', c.state.toLowerCase() + (c.lastError ? `: ${c.lastError}` : ''), c.lag ?? '—', c.pending ?? '—']),
      ),
      table('Dead letters by stream', ['Stream', 'Dead letters'], health.deadLettersByStream.map((d) => [d.stream, d.count]))),
    );
  }

  async function load(): Promise<void> {
    status.clear();
    try {
      render((await request(RecommendationHealthDocument)).recommendationHealth);
    } catch (error) {
      status.fail(messageOf(error));
    }
  }

  void load();
  return h(
    'section',
    { 'aria-labelledby': 'health-title' },
    h('h2', { id: 'health-title' }, 'Recommendation health'),
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => void load() }, 'Refresh')),
    status.element,
    body,
  );
}
