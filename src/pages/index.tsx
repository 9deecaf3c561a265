// Home page: says what the site is and leads the reader to the tutorial.
import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import styles from './index.module.css';

const cards: { title: string; to: string; text: string }[] = [
  {
    title: 'Follow the tutorial',
    to: '/toolhive/tutorials/aws-sts-integration',
    text: 'Register your identity provider with IAM, create roles, and deploy an MCPRemoteProxy that exchanges each user’s token for AWS credentials.',
  },
  {
    title: 'Understand backend authentication',
    to: '/toolhive/concepts/backend-auth',
    text: 'Why the token a client sends to ToolHive should not be the token ToolHive sends to a backend, and how token exchange and AWS STS solve that.',
  },
  {
    title: 'Deploy a remote proxy',
    to: '/toolhive/guides-k8s/remote-mcp-proxy',
    text: 'Put ToolHive in front of any remote MCP server on Kubernetes, with OIDC authentication and an optional token exchange.',
  },
];

export default function Home(): ReactNode {
  return (
    <Layout
      title='AWS STS authentication for the AWS MCP Server'
      description='Learn, try and get right ToolHive’s AWS STS authentication in front of the AWS MCP Server.'
    >
      <header className={`hero hero--primary ${styles.hero}`}>
        <div className='container'>
          <Heading as='h1' className='hero__title'>
            ToolHive + AWS STS
          </Heading>
          <p className='hero__subtitle'>
            Give every MCP user their own short-lived AWS credentials: ToolHive validates the user’s
            OIDC token, maps it to an IAM role, calls STS, and signs each request to the AWS MCP
            Server with SigV4.
          </p>
          <div className={styles.actions}>
            <Link
              className='button button--secondary button--lg'
              to='/toolhive/tutorials/aws-sts-integration'
            >
              Start the tutorial
            </Link>
          </div>
        </div>
      </header>
      <main className='container'>
        <section className={styles.cards} aria-label='Where to go next'>
          {cards.map((card) => (
            <div key={card.to} className={styles.card}>
              <Heading as='h2'>
                <Link to={card.to}>{card.title}</Link>
              </Heading>
              <p>{card.text}</p>
            </div>
          ))}
        </section>
      </main>
    </Layout>
  );
}
