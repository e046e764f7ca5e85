import { render } from 'preact';
import { App } from './App';
import '@/components/pages.css';
import './popup.css';
import '@/components/card.css';

render(<App />, document.getElementById('app')!);
