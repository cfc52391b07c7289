import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  Story,
  StoryInput,
  StoryLikes,
  StoryList,
  StoryListQuery,
  StoryUpdate,
} from '@internal/plugin-tracing-adoption-common';
import { StoriesApi } from './StoriesApi';

/**
 * Talks to the /stories routes of the tracing-adoption backend with the
 * signed-in user's credentials.
 *
 * @public
 */
export class StoriesClient implements StoriesApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async listStories(query: StoryListQuery = {}): Promise<StoryList> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') {
        params.set(key, String(value));
      }
    }
    const suffix = params.size > 0 ? `?${params}` : '';
    return this.request(`/stories${suffix}`);
  }

  async getStory(id: string): Promise<Story> {
    return this.request(storyPath(id));
  }

  async createStory(input: StoryInput): Promise<Story> {
    return this.request('/stories', { method: 'POST', body: input });
  }

  async updateStory(id: string, update: StoryUpdate): Promise<Story> {
    return this.request(storyPath(id), { method: 'PUT', body: update });
  }

  async deleteStory(id: string): Promise<void> {
    await this.request(storyPath(id), { method: 'DELETE' });
  }

  async restoreStory(id: string): Promise<Story> {
    return this.request(`${storyPath(id)}/restore`, { method: 'POST' });
  }

  async setFeatured(id: string, featured: boolean): Promise<Story> {
    return this.request(`${storyPath(id)}/featured`, {
      method: 'PUT',
      body: { featured },
    });
  }

  async setLiked(id: string, liked: boolean): Promise<StoryLikes> {
    return this.request(`${storyPath(id)}/like`, {
      method: liked ? 'PUT' : 'DELETE',
    });
  }

  private async request<T>(
    path: string,
    options: { method?: string; body?: unknown } = {},
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('tracing-adoption');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method: options.method ?? 'GET',
      ...(options.body === undefined
        ? {}
        : {
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(options.body),
          }),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    if (response.status === 204) {
      return undefined as T;
    }
    return (await response.json()) as T;
  }
}

function storyPath(id: string): string {
  return `/stories/${encodeURIComponent(id)}`;
}
