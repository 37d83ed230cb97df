/**
 * Map spaces and their ideas as Open311 GeoReport v2 services and service requests (the field
 * mapping is described in $lib/domain/open311).
 */
import type { MapSettings } from '$lib/domain/map';
import { geometryCentre } from '$lib/domain/map-geometry';
import {
	open311Keyword,
	requestDescription,
	type Open311Request,
	type Open311Service,
	type Open311Status
} from '$lib/domain/open311';
import { blobUrl, type MapIdeaRow } from '../exports/map-ideas';
import type { SpaceRow } from '../spaces/views';

/** A jurisdiction: a map space with its settings. */
export type Jurisdiction = SpaceRow & { map: MapSettings };

export function toServices(space: Jurisdiction): Open311Service[] {
	return space.map.categories.map((category) => ({
		service_code: category.id,
		service_name: category.label,
		description: null,
		metadata: false,
		type: 'realtime',
		keywords: open311Keyword,
		group: space.title
	}));
}

export interface RequestContext {
	space: Jurisdiction;
	status: Open311Status;
	origin: string;
	extensions: boolean;
}

const closedNote = 'This map takes no new ideas now.';

export function toRequest(idea: MapIdeaRow, context: RequestContext): Open311Request {
	const { space, status, origin } = context;
	const category = space.map.categories.find((c) => c.id === idea.category);
	const [long, lat] = idea.geometry ? geometryCentre(idea.geometry) : [null, null];
	const photos = idea.photos.map((sha256) => blobUrl(origin, space.id, sha256));
	const request: Open311Request = {
		service_request_id: idea.id,
		status,
		status_notes: status === 'closed' ? closedNote : null,
		service_name: category?.label ?? null,
		service_code: idea.category,
		description: requestDescription(idea.title, idea.text),
		agency_responsible: null,
		service_notice: null,
		requested_datetime: idea.createdAt,
		updated_datetime: idea.updatedAt,
		expected_datetime: null,
		address: null,
		address_id: null,
		zipcode: null,
		lat,
		long,
		media_url: photos[0] ?? null
	};
	if (context.extensions)
		request.extended_attributes = {
			title: idea.title,
			support: idea.support,
			votes: idea.support,
			comments: idea.comments,
			geometry: idea.geometry,
			media_urls: photos,
			category_colour: category?.colour ?? null
		};
	return request;
}
