import { css } from 'lit';

/** The map's look: tier rows, body boxes, escalation lines, your bodies and route in colour and weight, waiting-escalation badges, and the list view. */
export const partnershipMapStyles = css`
  :host {
    display: block;
  }
  .routes {
    border-left: 6px solid var(--q-highlight);
    background: var(--q-highlight-background);
    padding: 0.75rem 1rem;
    margin: 0 0 1.5rem;
  }
  .routes h2 {
    font-size: 1.125rem;
    margin: 0 0 0.25rem;
  }
  .routes ul {
    margin: 0;
    padding-left: 1.25rem;
  }
  .routes p {
    margin: 0;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    list-style: none;
    padding: 0;
    margin: 0 0 1rem;
    font-size: 0.875rem;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .swatch {
    display: inline-block;
    width: 1.5rem;
    height: 1rem;
    border: 1px solid var(--q-border);
    background: #fff;
  }
  .swatch.own {
    border: 3px solid var(--q-highlight);
    background: var(--q-highlight-background);
  }
  .swatch.line {
    height: 0;
    border: 0;
    border-top: 2px solid #6f777b;
  }
  .swatch.route-line {
    height: 0;
    border: 0;
    border-top: 5px solid var(--q-highlight);
  }
  .scroll-hint {
    display: none;
    margin: 0 0 0.5rem;
    color: var(--q-secondary-text);
  }
  @media (max-width: 60rem) {
    .scroll-hint {
      display: block;
    }
  }
  .scroller {
    overflow-x: auto;
    border: 1px solid var(--q-border);
    background: #fff;
    margin-bottom: 1.5rem;
  }
  .diagram {
    position: relative;
    margin: 0 auto;
  }
  .diagram svg.lines {
    position: absolute;
    inset: 0;
  }
  .lines path {
    fill: none;
    stroke: #6f777b;
    stroke-width: 2;
  }
  .lines path.on-route {
    stroke: var(--q-highlight);
    stroke-width: 5;
  }
  .tier-label {
    position: absolute;
    display: flex;
    flex-direction: column;
    justify-content: center;
    margin: 0;
    font-size: 0.8125rem;
    line-height: 1.3;
    color: var(--q-secondary-text);
  }
  .tier-label strong {
    color: var(--q-text);
  }
  .row {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .box {
    position: absolute;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    padding: 0.5rem 0.625rem;
    overflow: hidden;
    border: 1px solid #6f777b;
    border-radius: 4px;
    background: #fff;
    color: var(--q-text);
    text-decoration: none;
    font-size: 0.8125rem;
    line-height: 1.3;
  }
  .box:visited {
    color: var(--q-text);
  }
  .box:hover {
    color: var(--q-text);
    background: var(--q-muted-background);
  }
  .box .name {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 4;
    overflow: hidden;
    flex: none;
    font-weight: 700;
    font-size: 0.9375rem;
    color: var(--q-link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .box.on-route {
    border: 2px solid var(--q-highlight);
  }
  .box.own {
    border: 4px solid var(--q-highlight);
    background: var(--q-highlight-background);
  }
  .box.waiting {
    padding-bottom: 2.25rem;
  }
  .badge {
    position: absolute;
    padding: 0.125rem 0.25rem;
    border-radius: 4px;
    background: var(--q-error);
    color: #fff;
    font-size: 0.8125rem;
    font-weight: 700;
    line-height: 1.4;
    text-align: center;
  }
  .badge:visited,
  .badge:hover {
    color: #fff;
  }
  .tree .waiting {
    margin-left: 0.5rem;
    font-weight: 700;
    color: var(--q-error);
  }
  .tag {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    font-weight: 600;
  }
  .tag.role {
    color: var(--q-brand);
  }
  .icon {
    flex: none;
  }
  details {
    margin-top: 1rem;
  }
  summary {
    cursor: pointer;
    color: var(--q-link);
    font-weight: 600;
    min-height: 1.5rem;
  }
  .tree,
  .tree ul {
    list-style: disc;
    padding-left: 1.5rem;
  }
  .tree li {
    margin: 0.25rem 0;
  }
  .tree .meta {
    color: var(--q-secondary-text);
  }
`;
