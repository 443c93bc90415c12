// Placeholder: what a video generation model accepts, from the catalog (owned by the catalog helper).
#pragma once
