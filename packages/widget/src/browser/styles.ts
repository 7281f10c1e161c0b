import { css } from 'lit';

/**
 * Themable through CSS custom properties set on the element by the host page. The defaults meet
 * WCAG AA contrast on white (accent 7.4:1, muted text 7:1).
 */
export const styles = css`
  :host {
    display: block;
    font-family: var(--federess-agenda-police, system-ui, sans-serif);
    color: var(--federess-agenda-texte, #1b1b1b);
    background: var(--federess-agenda-fond, #ffffff);
    border-radius: var(--federess-agenda-rayon, 8px);
    padding: var(--federess-agenda-marge, 1rem);
  }
  h2 {
    font-size: 1.25rem;
    margin: 0 0 0.75rem;
    color: var(--federess-agenda-accent, #0b5259);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    border-top: 1px solid var(--federess-agenda-trait, #d0d7d8);
    padding: 0.6rem 0;
  }
  li:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--federess-agenda-accent, #0b5259);
    outline-offset: 2px;
  }
  h3 {
    font-size: 1rem;
    margin: 0 0 0.2rem;
  }
  p {
    margin: 0.1rem 0;
  }
  .details {
    color: var(--federess-agenda-discret, #4a4a4a);
    font-size: 0.9rem;
  }
  .statut {
    display: inline-block;
    font-size: 0.8rem;
    font-weight: 600;
    padding: 0 0.4rem;
    border-radius: 4px;
    background: var(--federess-agenda-badge, #e6f0f1);
    color: var(--federess-agenda-accent, #0b5259);
  }
  .annulee h3,
  .annulee time {
    text-decoration: line-through;
  }
  .annulee .statut {
    background: #fbe9e9;
    color: #8a1c1c;
  }
  del {
    color: var(--federess-agenda-discret, #4a4a4a);
  }
  .abonner {
    display: inline-block;
    margin-top: 0.75rem;
    color: var(--federess-agenda-accent, #0b5259);
    font-weight: 600;
  }
  .annonce {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
