import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<div>Ganbu 干部管理平台</div>);
