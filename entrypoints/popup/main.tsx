import { render } from 'preact';
import { App } from './App';
import './popup.css';
import '@/components/card.css';

render(<App />, document.getElementById('app')!);
