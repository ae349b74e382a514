/** The connection indicator (connected, reconnecting, offline) and the notices beside it, shared by the live pages. */
import { css } from 'lit';

export const connectionStyles = css`
  .connection {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin: 0;
    font-weight: 600;
  }
  .dot {
    width: 0.875rem;
    height: 0.875rem;
    border-radius: 50%;
    border: 2px solid var(--q-text);
    flex: none;
  }
  .connection.connected .dot {
    background: var(--q-success);
    border-color: var(--q-success);
  }
  .connection.reconnecting .dot,
  .connection.connecting .dot {
    background: #ffdd00;
  }
  .notice {
    border-left: 6px solid var(--q-brand);
    background: var(--q-muted-background);
    padding: 0.75rem 1.25rem;
    margin: 0 0 1.5rem;
    font-size: 1.125rem;
  }
  .notice p {
    margin: 0.25rem 0;
  }
  .connection.refused .dot,
  .connection.offline .dot {
    background: var(--q-error);
    border-color: var(--q-error);
  }
`;
