// POST /functions/v1/knowledge-search with a user's JWT: see search.ts.
import { embeddingDeps } from "../_shared/embedding_provider.ts";
import { serve } from "../_shared/http.ts";
import { search } from "./search.ts";

serve((req) => search(req, embeddingDeps()));
