// Whether the data are the fictional demo city: the server says so with the signed-in user.
import { useAuth } from './auth';

export function useDemoFlag(): boolean {
  return useAuth().user?.demo === true;
}
