/**
 * The panel's buttons and notices: native elements styled in panel.css with Fluent's design
 * tokens, so they look like Fluent's Button and MessageBar in every theme. Fluent's own
 * components would add about 9 KB (gzip) to the taskpane, which has a 200 KB budget; these need
 * no runtime of their own. Pages outside the budget (preview, Teams tab) use Fluent's freely.
 */
import { CheckmarkCircle20Filled, ErrorCircle20Filled, Info20Filled, Warning20Filled } from '@fluentui/react-icons';
import type { ComponentPropsWithRef, ReactNode } from 'react';

export interface PanelButtonProps extends ComponentPropsWithRef<'button'> {
  appearance?: 'primary' | 'secondary' | 'subtle';
  size?: 'small' | 'medium';
}

export function PanelButton({ appearance = 'secondary', size = 'medium', className, type = 'button', ...rest }: PanelButtonProps) {
  const classes = ['pc-button', `pc-button-${appearance}`, size === 'small' ? 'pc-button-small' : '', className ?? ''].filter(Boolean).join(' ');
  return <button type={type} className={classes} {...rest} />;
}

const NOTICE_ICONS = { success: CheckmarkCircle20Filled, warning: Warning20Filled, error: ErrorCircle20Filled, info: Info20Filled } as const;

export interface NoticeProps {
  intent: keyof typeof NOTICE_ICONS;
  children: ReactNode;
  /** Buttons shown after the text (Undo). */
  actions?: ReactNode;
}

/** A message bar: an icon for the intent (never colour alone), the text, and any actions. */
export function Notice({ intent, children, actions }: NoticeProps) {
  const Icon = NOTICE_ICONS[intent];
  return (
    <div className={`pc-notice pc-notice-${intent}`}>
      <Icon className={`pc-notice-icon pc-icon-${intent}`} aria-hidden="true" />
      <div className="pc-notice-body">{children}</div>
      {actions && <div className="pc-notice-actions">{actions}</div>}
    </div>
  );
}
