import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  /** The card's name: its anchor (`#backup-settings`) and test id. */
  name: string;
  title: string;
  /** The grey paragraph under the title. */
  intro?: string;
  children?: ReactNode;
}

/** One section of the settings page below the seller profile (owner PIN, backups, network, diagnostics, updates). */
export function SettingsCard({ name, title, intro, children }: Props) {
  return (
    <Card id={name} title={title} size="small" style={{ marginTop: 16 }} data-testid={name}>
      {intro && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {intro}
        </Typography.Paragraph>
      )}
      {children}
    </Card>
  );
}

/** The card as a function of its body (a section that shows one of several bodies: staff's notice, loading, the form). */
export function settingsCard(props: Omit<Props, 'children'>) {
  return (body: ReactNode) => <SettingsCard {...props}>{body}</SettingsCard>;
}
